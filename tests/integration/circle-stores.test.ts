import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { openSqlite } from '../../server/storage/sqlite';
import { createRedisCircleStore } from '../../server/teams/redis-circle-store';
import { createRedisTeamStore } from '../../server/teams/redis-team-store';
import { createSqliteCircleStore } from '../../server/teams/sqlite-circle-store';
import { createSqliteTeamStore } from '../../server/teams/sqlite-team-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { circleStoreContract } from './circle-store.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'circle-contract-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

circleStoreContract('SQLite', async (options) => {
	const db = openSqlite(tempDir());
	return {
		store: {
			teams: createSqliteTeamStore(db, options),
			circle: createSqliteCircleStore(db, options)
		},
		close: () => db.close()
	};
});
circleStoreContract('Redis', async (options) => ({
	store: {
		teams: createRedisTeamStore(client, options),
		circle: createRedisCircleStore(client, options)
	},
	close: () => {}
}));
