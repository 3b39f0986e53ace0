import { afterAll, beforeAll } from 'vitest';
import { createMemoryPresenceStore } from '../../server/presence/memory-presence-store';
import { createRedisPresenceStore } from '../../server/presence/redis-presence-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { createRedisDocStore } from '../../server/storage/redis-doc-store';
import { openSqliteDocStore } from '../../server/storage/sqlite-doc-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { docStoreContract } from './doc-store.contract';
import { presenceStoreContract } from './presence-store.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'contract-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

docStoreContract('SQLite', async () => openSqliteDocStore(tempDir()));
docStoreContract('Redis', async () => createRedisDocStore(client));
presenceStoreContract('memory', async (policy) => createMemoryPresenceStore(policy));
presenceStoreContract('Redis', async (policy) => createRedisPresenceStore(client, policy));
