import { afterAll, beforeAll, expect, test } from 'vitest';
import { memoryAddressBuckets } from '../../server/limits/address-buckets';
import { addressDigest, openRedisAddressBuckets } from '../../server/limits/redis-address-buckets';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { ADDRESS_SECRET_KEY } from '../../server/redis/keys';
import { startRedis, type TestRedis } from '../support/redis-server';
import { addressBucketsContract } from './address-buckets.contract';

let redis: TestRedis;
/** Two connections: two instances of one deployment. */
let clients: [RedisClient, RedisClient];
beforeAll(async () => {
	redis = await startRedis();
	clients = [
		await connectRedis(redis.url, 'limit-tests-first'),
		await connectRedis(redis.url, 'limit-tests-second')
	];
});
afterAll(async () => {
	await Promise.all(clients.map((client) => client.close()));
	await redis.stop();
});

addressBucketsContract('memory', async () => ({
	store: { first: memoryAddressBuckets(), second: memoryAddressBuckets(), shared: false },
	close: () => {}
}));
addressBucketsContract('Redis', async () => ({
	store: {
		first: await openRedisAddressBuckets(clients[0]),
		second: await openRedisAddressBuckets(clients[1]),
		shared: true
	},
	close: () => {}
}));

test('[L5] Redis keeps a bucket under a keyed hash of the address, until it would be full again', async () => {
	const [client] = clients;
	const count = (await openRedisAddressBuckets(client)).limit('team_writes', {
		capacity: 4,
		perSecond: 4 / 3600
	});
	const address = '203.0.113.77';
	await count(address, Date.now());
	const keys = await client.keys('pr:limit:team_writes:*');
	expect(keys.some((key) => key.includes(address))).toBe(false);
	const secret = await client.get(ADDRESS_SECRET_KEY);
	const key = `pr:limit:team_writes:4-per-3600s:${addressDigest(secret!, address)}`;
	expect(keys).toContain(key);
	// One token of four taken: full again in a quarter of an hour.
	const ttl = await client.pTTL(key);
	expect(ttl).toBeGreaterThan(14 * 60_000);
	expect(ttl).toBeLessThanOrEqual(15 * 60_000);
});
