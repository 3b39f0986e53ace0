import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { createRedisWakeIndex } from '../../server/turns/redis-wake-index';
import { createSqliteWakeIndex } from '../../server/turns/sqlite-wake-index';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { wakeIndexContract } from './wake-index.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'wake-contract-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

wakeIndexContract('SQLite', async () => {
	const db = openSqlite(tempDir());
	return {
		store: {
			rooms: createSqliteRoomStore(db, { now: () => Date.now() }),
			wakes: createSqliteWakeIndex(db),
			shared: false
		},
		close: () => db.close()
	};
});
wakeIndexContract('Redis', async () => ({
	store: {
		rooms: createRedisRoomStore(client, { retentionMs: 60 * 60 * 1000 }),
		wakes: createRedisWakeIndex(client),
		shared: true
	},
	close: () => {}
}));
