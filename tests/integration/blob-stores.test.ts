import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { createRedisBlobStore } from '../../server/storage/redis-blob-store';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteBlobStore } from '../../server/storage/sqlite-blob-store';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { redisText, sqliteBytes } from '../support/stored-bytes';
import { blobStoreContract, CONTRACT_MAX_ROOM_BYTES } from './blob-store.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'blob-store-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

const options = { maxRoomBytes: CONTRACT_MAX_ROOM_BYTES };

blobStoreContract('SQLite', async () => {
	const dataDir = tempDir();
	const db = openSqlite(dataDir);
	return {
		store: {
			blobs: createSqliteBlobStore(db, options),
			rooms: createSqliteRoomStore(db, { now: () => Date.now() }),
			storedText: async () => sqliteBytes(dataDir)
		},
		close: () => db.close()
	};
});

blobStoreContract('Redis', async () => {
	await redis.flush();
	return {
		store: {
			blobs: createRedisBlobStore(client, options),
			rooms: createRedisRoomStore(client, { retentionMs: 60_000 }),
			storedText: () => redisText(redis.url)
		},
		close: () => undefined
	};
});
