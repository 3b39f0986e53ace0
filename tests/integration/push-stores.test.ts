import { afterAll, beforeAll, expect, test } from 'vitest';
import { createRedisPushStore } from '../../server/push/redis-push-store';
import { createSqlitePushStore } from '../../server/push/sqlite-push-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { metaKey, pushKey } from '../../server/redis/keys';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { pushStoreContract } from './push-store.contract';

const RETENTION_MS = 60 * 60 * 1000;

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'push-contract-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

pushStoreContract('SQLite', async () => {
	const db = openSqlite(tempDir());
	return {
		store: {
			rooms: createSqliteRoomStore(db, { now: () => Date.now() }),
			push: createSqlitePushStore(db)
		},
		close: () => db.close()
	};
});
pushStoreContract('Redis', async () => ({
	store: {
		rooms: createRedisRoomStore(client, { retentionMs: RETENTION_MS }),
		push: createRedisPushStore(client)
	},
	close: () => {}
}));

test('[W7] with Redis, a room’s subscriptions expire with it and its activity moves both', async () => {
	const rooms = createRedisRoomStore(client, { retentionMs: RETENTION_MS });
	const id = 'ExpiryCheckRoom0000000';
	await rooms.createRoom({ id, playbookId: 'x', createdAt: 0 }, new Uint8Array([0, 0]));
	await client.pExpire(metaKey(id), 5_000);
	const endpoint = 'https://push.example/expiring';
	const record = {
		participantId: 'ana-0001',
		locale: 'en' as const,
		endpoint,
		keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) }
	};
	await createRedisPushStore(client).add(id, record, { perPerson: 5, perRoom: 50 });
	const ttl = await client.pTTL(pushKey(id));
	expect(ttl).toBeGreaterThan(0);
	expect(ttl).toBeLessThanOrEqual(5_000);
	await rooms.touch(id);
	expect(await client.pTTL(pushKey(id))).toBeGreaterThan(5_000);
});
