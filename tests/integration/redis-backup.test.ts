import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'vitest';
import { connectRedis } from '../../server/redis/connect';
import { cleanupsAfterEach } from '../support/cleanups';
import { freePort, spawnRedis } from '../support/redis-server';
import { startTestServer, tempDir } from '../support/server';
import { redisEntries } from '../support/stored-bytes';
import { expectSampleData, storeSampleData } from '../support/stored-data';
import { waitFor } from '../support/wait';

const cleanups = cleanupsAfterEach();
const run = promisify(execFile);

/** Redis as docker-compose.yml runs it: append-only, in `dir`. */
const AS_COMPOSE_RUNS_IT = ['--appendonly', 'yes', '--appendfsync', 'everysec'];

/** A redis-server in `dir` on a free port; stopped after the test unless stopped before. */
async function redisIn(dir: string, options: string[]) {
	const port = await freePort();
	const { stop } = await spawnRedis(port, ['--dir', dir, ...options]);
	let stopped = false;
	const once = async () => {
		if (!stopped) await stop();
		stopped = true;
	};
	cleanups.push(once);
	return { port, url: `redis://127.0.0.1:${port}`, stop: once };
}

/** `redis-cli INFO persistence`, as fields. */
async function persistence(url: string): Promise<Record<string, string>> {
	const client = await connectRedis(url, 'redis-backup-test');
	try {
		const info = await client.info('persistence');
		return Object.fromEntries(info.split(/\r?\n/).map((line) => line.split(':', 2)));
	} finally {
		await client.close();
	}
}

describe('backing up Redis and restoring it as docs/operations.md says', () => {
	test('an RDB taken with redis-cli --rdb from a running deployment restores into a new append-only Redis', async () => {
		// Redis waits 5 s for more replicas before it streams an RDB: not what is tested here.
		const source = await redisIn(tempDir(), [
			...AS_COMPOSE_RUNS_IT,
			'--repl-diskless-sync-delay',
			'0'
		]);
		const server = await startTestServer({ redisUrl: source.url });
		cleanups.push(() => server.close());
		const data = await storeSampleData(server.url, cleanups);
		await waitFor(
			async () => (await redisEntries(source.url)).some(({ value }) => value.includes(data.notes)),
			'the notes to be stored'
		);

		// The backup, taken while the server runs.
		const file = join(tempDir(), 'dump-backup.rdb');
		await run('redis-cli', ['-u', source.url, '--rdb', file]);

		// The restore: the RDB in a new data directory, loaded once without AOF, then AOF on.
		const dir = tempDir();
		copyFileSync(file, join(dir, 'dump.rdb'));
		const loading = await redisIn(dir, ['--appendonly', 'no']);
		const client = await connectRedis(loading.url, 'redis-backup-test');
		await client.configSet('appendonly', 'yes');
		await client.close();
		await waitFor(async () => {
			const info = await persistence(loading.url);
			return (
				info.aof_enabled === '1' &&
				info.aof_rewrite_in_progress === '0' &&
				info.aof_rewrite_scheduled === '0'
			);
		}, 'the new AOF to be written');
		await loading.stop();

		// Restarted as usual, it serves the data to a new server.
		const restored = await redisIn(dir, AS_COMPOSE_RUNS_IT);
		const copy = await startTestServer({ redisUrl: restored.url });
		cleanups.push(() => copy.close());
		await expectSampleData(copy.url, data, cleanups);
	});
});
