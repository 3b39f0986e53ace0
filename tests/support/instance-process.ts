import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { build } from 'esbuild';
import { tempDir } from './server';

/** Where the bundled entry goes: inside the project, so its packages resolve from node_modules. */
const BUNDLE = join(import.meta.dirname, '../../node_modules/.cache/practice-room/instance.mjs');
let bundled: Promise<unknown> | undefined;

/** A real server process (API, Yjs, socket.io; no pages) on a free port of its own. */
export class InstanceProcess {
	readonly #exited: Promise<unknown>;

	private constructor(
		readonly child: ChildProcess,
		readonly url: string
	) {
		this.#exited = once(child, 'exit');
	}

	/** Starts an instance with `env` on top of a quiet test configuration. */
	static async start(env: Record<string, string>): Promise<InstanceProcess> {
		bundled ??= build({
			entryPoints: [join(import.meta.dirname, 'instance-entry.ts')],
			outfile: BUNDLE,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node22',
			packages: 'external',
			logLevel: 'warning'
		});
		await bundled;
		const child = spawn(process.execPath, [BUNDLE], {
			env: {
				...process.env,
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: tempDir(),
				LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
				...env
			},
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		const [{ port }] = (await Promise.race([
			once(child, 'message'),
			once(child, 'exit').then(([code]) => {
				throw new Error(`the instance exited with ${String(code)} before it was ready`);
			})
		])) as [{ port: number }];
		return new InstanceProcess(child, `http://127.0.0.1:${port}`);
	}

	/** Sends `signal` (SIGKILL: a crash; SIGTERM: a graceful shutdown) and waits for the exit. */
	async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<number | null> {
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
		const [code] = (await this.#exited) as [number | null];
		return code;
	}
}
