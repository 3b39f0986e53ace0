import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pairingKeys } from '../../server/redis/keys';
import { card } from '../support/pairing-pool';
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

// Not in the contract: Redis expires keys by itself, and a share moves only the space's own.
test('Redis: pairing keys take the space’s expiry when read, and go once the space has gone', async () => {
	const options = { retentionMs: 60_000 };
	const teams = createRedisTeamStore(client, options);
	const pairing = createRedisPairingStore(client, options);
	const id = randomBytes(16).toString('base64url');
	await teams.create({ id, name: 'Support', createdAt: Date.now() });
	const stored = {
		cardId: 'card-ana-000000000000',
		card: card({ name: 'Ana' }),
		avoid: [],
		savedAt: 1
	};
	await pairing.saveCard(id, 'm-a', stored, { maxCards: 5, now: Date.now() });
	const keys = pairingKeys(id);
	// A share (or anything else) moves the space's expiry later than the cards'.
	await client.pExpire(keys.team, 120_000);
	await pairing.cards(id);
	expect(await client.pExpireTime(keys.cards)).toBe(await client.pExpireTime(keys.team));
	await client.del(keys.team);
	expect(await pairing.cards(id)).toEqual([]);
	expect(await client.exists([keys.cards, keys.pairing])).toBe(0);
});
