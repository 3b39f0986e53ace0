import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { freePort } from './redis-server';
import { waitFor } from './wait';

/** The production build (`build/main.js`) as a real process, restartable on the same port. */
export class AppServer {
	#child: ChildProcess | undefined;
	#exited: Promise<void> = Promise.resolve();
	readonly dataDir = mkdtempSync(join(tmpdir(), 'practice-room-e2e-'));
	/** With `captureOutput`: every line the process wrote, standard output and error alike. */
	readonly output: string[] = [];

	private constructor(
		readonly port: number,
		private readonly captureOutput: boolean,
		private env: Record<string, string>
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/**
	 * `captureOutput` keeps what the process writes in {@link output} instead of showing it;
	 * `env` adds to its environment (REDIS_URL, say).
	 */
	static async start(
		options: { captureOutput?: boolean; env?: Record<string, string> } = {}
	): Promise<AppServer> {
		const server = new AppServer(
			await freePort(),
			options.captureOutput ?? false,
			options.env ?? {}
		);
		await server.#spawn();
		return server;
	}

	async #spawn(): Promise<void> {
		const child = spawn(process.execPath, ['build/main.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir,
				...this.env
			},
			stdio: [
				'ignore',
				this.captureOutput ? 'pipe' : 'inherit',
				this.captureOutput ? 'pipe' : 'inherit'
			]
		});
		for (const stream of [child.stdout, child.stderr]) {
			if (stream) createInterface({ input: stream }).on('line', (line) => this.output.push(line));
		}
		this.#child = child;
		this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
		await waitFor(
			() =>
				fetch(`${this.url}/healthz`).then(
					(response) => response.ok,
					() => false
				),
			'the server to answer /healthz',
			20_000
		);
	}

	/** Stops the process: SIGKILL for a crash, SIGTERM for a normal shutdown. */
	async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
		this.#child?.kill(signal);
		await this.#exited;
		this.#child = undefined;
	}

	/** Stops and starts the process again, with `env` added to its environment from now on. */
	async restart(
		signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM',
		env: Record<string, string> = {}
	): Promise<void> {
		await this.stop(signal);
		this.env = { ...this.env, ...env };
		await this.#spawn();
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
