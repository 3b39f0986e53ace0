import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import { waitFor } from './wait';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface TestRedis {
	url: string;
	/** Deletes every key, so each test starts clean. */
	flush(): Promise<void>;
	stop(): Promise<void>;
	/**
	 * Freezes the process (SIGSTOP): connections stay open and commands go unanswered, like a
	 * Redis host lost in a partition; `resume` thaws it. Not available with REDIS_URL.
	 */
	pause(): void;
	resume(): void;
}

async function ping(url: string): Promise<boolean> {
	const client = createClient({ url, socket: { reconnectStrategy: false } });
	client.on('error', () => {});
	try {
		await client.connect();
		await client.ping();
		return true;
	} catch {
		return false;
	} finally {
		if (client.isOpen) await client.close();
	}
}

async function flushAll(url: string): Promise<void> {
	const client = createClient({ url });
	await client.connect();
	await client.flushAll();
	await client.close();
}

export interface SpawnedRedis {
	/** SIGTERM: it saves first. */
	stop(): Promise<void>;
	child: ChildProcess;
}

/** A private `redis-server` on `port`. */
export async function spawnRedis(port: number, persistence: string[]): Promise<SpawnedRedis> {
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', ...persistence],
		{ stdio: 'ignore' }
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await waitFor(() => ping(`redis://127.0.0.1:${port}`), `redis-server on port ${port}`);
	return {
		child,
		async stop() {
			// A paused process would not see the SIGTERM until it is thawed.
			child.kill('SIGCONT');
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/**
 * A Redis for one test file: REDIS_URL when set, otherwise a private `redis-server` on a free
 * port that keeps nothing on disk.
 */
export async function startRedis(): Promise<TestRedis> {
	const external = process.env.REDIS_URL;
	if (external) {
		const cannot = () => {
			throw new Error('an external Redis (REDIS_URL) cannot be paused by the test');
		};
		return {
			url: external,
			flush: () => flushAll(external),
			stop: async () => {},
			pause: cannot,
			resume: cannot
		};
	}
	const port = await freePort();
	const url = `redis://127.0.0.1:${port}`;
	const redis = await spawnRedis(port, ['--save', '', '--appendonly', 'no']);
	return {
		url,
		flush: () => flushAll(url),
		stop: () => redis.stop(),
		pause: () => redis.child.kill('SIGSTOP'),
		resume: () => redis.child.kill('SIGCONT')
	};
}

export interface RestartableRedis {
	url: string;
	stop(): Promise<void>;
	/** Starts it again on the same port with what it had stored. */
	start(): Promise<void>;
}

/** A private `redis-server` with append-only persistence in `dir`, to stop and start again. */
export async function startRestartableRedis(dir: string): Promise<RestartableRedis> {
	const port = await freePort();
	const persistence = ['--save', '', '--appendonly', 'yes', '--dir', dir];
	let redis = await spawnRedis(port, persistence);
	return {
		url: `redis://127.0.0.1:${port}`,
		stop: () => redis.stop(),
		async start() {
			redis = await spawnRedis(port, persistence);
		}
	};
}
