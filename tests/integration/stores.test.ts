import { afterAll, beforeAll } from 'vitest';
import { createRedisPlaybookStore } from '../../server/playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { createMemoryPresenceStore } from '../../server/presence/memory-presence-store';
import { createRedisPresenceStore } from '../../server/presence/redis-presence-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { createRedisDocStore } from '../../server/storage/redis-doc-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteDocStore } from '../../server/storage/sqlite-doc-store';
import { createRedisTeamStore } from '../../server/teams/redis-team-store';
import { createSqliteTeamStore } from '../../server/teams/sqlite-team-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { docStoreContract } from './doc-store.contract';
import { playbookStoreContract } from './playbook-store.contract';
import { presenceStoreContract } from './presence-store.contract';
import { teamStoreContract } from './team-store.contract';

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

/** A fresh SQLite database per test, closed afterwards. */
function sqlite<T>(create: (db: ReturnType<typeof openSqlite>) => T) {
	return async () => {
		const db = openSqlite(tempDir());
		return { store: create(db), close: () => db.close() };
	};
}
/** The shared Redis connection: closing is left to afterAll. */
const onRedis =
	<T>(create: () => T) =>
	async () => ({ store: create(), close: () => {} });

docStoreContract(
	'SQLite',
	sqlite((db) => createSqliteDocStore(db, { now: () => Date.now() }))
);
docStoreContract(
	'Redis',
	onRedis(() =>
		createRedisDocStore(client, { retentionMs: 60_000, instanceId: 'contract', trimLagMs: 0 })
	)
);
playbookStoreContract('SQLite', sqlite(createSqlitePlaybookStore));
playbookStoreContract(
	'Redis',
	onRedis(() => createRedisPlaybookStore(client))
);
presenceStoreContract('memory', async (policy) => ({
	store: createMemoryPresenceStore(policy),
	close: () => {}
}));
presenceStoreContract('Redis', async (policy) => ({
	store: createRedisPresenceStore(client, policy),
	close: () => {}
}));
teamStoreContract('SQLite', (options) => sqlite((db) => createSqliteTeamStore(db, options))());
teamStoreContract('Redis', async (options) => ({
	store: createRedisTeamStore(client, options),
	close: () => {}
}));
