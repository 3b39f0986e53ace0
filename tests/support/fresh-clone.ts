import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { runsProject } from '../../scripts/node-runtime.js';
import { waitFor } from './wait';

/**
 * A Node older than the project needs, to try the first run with: CI_OLD_NODE (.ci/run sets it
 * before anything else), the Node that runs npm (npm_node_execpath: the machine's own, while
 * npm scripts run on the one linked by the install), or a system Node. Undefined when the
 * machine has none.
 */
export function findOldNode(): { path: string; version: string } | undefined {
	const candidates = [
		process.env.CI_OLD_NODE,
		process.env.npm_node_execpath,
		'/usr/bin/node',
		'/usr/local/bin/node'
	];
	for (const path of candidates) {
		if (!path || !existsSync(path)) continue;
		try {
			const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
			if (!runsProject(version)) return { path, version };
		} catch {
			// Not a working Node: try the next.
		}
	}
	return undefined;
}

/**
 * The environment of a fresh shell whose `node` is `nodePath`: no npm variables from the npm
 * running these tests, and no project's node_modules/.bin on the PATH.
 */
export function freshShellEnv(nodePath: string, extra: Record<string, string>): NodeJS.ProcessEnv {
	const path = (process.env.PATH ?? '')
		.split(':')
		.filter((dir) => dir !== '' && !dir.endsWith('node_modules/.bin'));
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD')
	);
	return { ...env, PATH: [dirname(nodePath), ...path].join(':'), ...extra };
}

/** Runs a command to its end; answers its exit code and everything it printed. */
export async function run(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv }
): Promise<{ code: number | null; output: string }> {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const [code] = (await once(child, 'close')) as [number | null];
	return { code, output };
}

/** `npm start` in its own process group, so stopping it stops npm, its shell and the server. */
export class NpmStart {
	output = '';
	readonly #child: ChildProcess;
	readonly #closed: Promise<unknown>;

	private constructor(child: ChildProcess) {
		this.#child = child;
		this.#closed = once(child, 'close');
		child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
	}

	static spawn(cwd: string, env: NodeJS.ProcessEnv): NpmStart {
		return new NpmStart(
			spawn('npm', ['start'], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
		);
	}

	/** Waits for the ready line; answers the address it names. */
	async ready(timeoutMs: number): Promise<string> {
		let url: string | undefined;
		await waitFor(
			() => {
				if (this.#child.exitCode !== null) throw new Error(`npm start exited:\n${this.output}`);
				url = /Practice Room is running at (http:\/\/\S+) — data in /.exec(this.output)?.[1];
				return url !== undefined;
			},
			'npm start to say it is running',
			timeoutMs
		);
		return url as string;
	}

	async stop(): Promise<void> {
		if (this.#child.exitCode === null && this.#child.pid !== undefined) {
			process.kill(-this.#child.pid, 'SIGTERM');
		}
		await this.#closed;
	}
}
