import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server';
import { waitFor } from './wait';

/** The production build (`build/main.js`) as a real process, restartable on the same port. */
export class AppServer {
	#child: ChildProcess | undefined;
	#exited: Promise<void> = Promise.resolve();
	readonly dataDir = mkdtempSync(join(tmpdir(), 'practice-room-e2e-'));

	private constructor(readonly port: number) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	static async start(): Promise<AppServer> {
		const server = new AppServer(await freePort());
		await server.#spawn();
		return server;
	}

	async #spawn(): Promise<void> {
		const child = spawn(process.execPath, ['build/main.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATA_DIR: this.dataDir
			},
			stdio: ['ignore', 'inherit', 'inherit']
		});
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

	async restart(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
		await this.stop(signal);
		await this.#spawn();
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
