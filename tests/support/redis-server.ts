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

/**
 * A Redis for one test file: REDIS_URL when set, otherwise a private `redis-server` on a free
 * port that keeps nothing on disk.
 */
export async function startRedis(): Promise<TestRedis> {
	const external = process.env.REDIS_URL;
	if (external) {
		return { url: external, flush: () => flushAll(external), stop: async () => {} };
	}
	const port = await freePort();
	const url = `redis://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' }
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await waitFor(() => ping(url), `redis-server on port ${port}`);
	return {
		url,
		flush: () => flushAll(url),
		async stop() {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
