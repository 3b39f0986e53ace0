import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { openSqlite } from '../../server/storage/sqlite';
import { createRedisPairingStore } from '../../server/teams/redis-pairing-store';
import { createRedisTeamStore } from '../../server/teams/redis-team-store';
import { createSqlitePairingStore } from '../../server/teams/sqlite-pairing-store';
import { createSqliteTeamStore } from '../../server/teams/sqlite-team-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { pairingStoreContract } from './pairing-store.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'pairing-contract-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

pairingStoreContract('SQLite', async (options) => {
	const db = openSqlite(tempDir());
	return {
		store: {
			teams: createSqliteTeamStore(db, options),
			pairing: createSqlitePairingStore(db, options)
		},
		close: () => db.close()
	};
});
pairingStoreContract('Redis', async (options) => ({
	store: {
		teams: createRedisTeamStore(client, options),
		pairing: createRedisPairingStore(client, options)
	},
	close: () => {}
}));
