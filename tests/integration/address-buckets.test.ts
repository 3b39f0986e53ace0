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
	const rate = { capacity: 4, perSecond: 4 / 3600 };
	const count = (await openRedisAddressBuckets(client)).limit('team_writes', rate);
	const address = '203.0.113.77';
	const now = Date.now();
	await count(address, now);
	const keys = await client.keys('pr:limits:team_writes:*');
	expect(keys.some((key) => key.includes(address))).toBe(false);
	const secret = await client.get(ADDRESS_SECRET_KEY);
	const key = `pr:limits:team_writes:4-per-3600s:${addressDigest(secret!, address)}`;
	expect(keys).toContain(key);
	// One token of four taken: full again in a quarter of an hour.
	expect(await client.pTTL(key)).toBeGreaterThan(14 * 60_000);
	expect(await client.pTTL(key)).toBeLessThanOrEqual(15 * 60_000);
	// Three taken: in three quarters.
	await count(address, now);
	await count(address, now);
	expect(await client.pTTL(key)).toBeGreaterThan(44 * 60_000);
	expect(await client.pTTL(key)).toBeLessThanOrEqual(45 * 60_000);
});

test('[L5] Redis answers as the memory bucket does, request for request (a seeded run)', async () => {
	let seed = 20261207;
	// mulberry32: the same run every time.
	const random = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const memory = memoryAddressBuckets();
	const shared = await openRedisAddressBuckets(clients[0]);
	for (let run = 0; run < 20; run++) {
		const capacity = 1 + Math.floor(random() * 700);
		const rate = { capacity, perSecond: capacity / (1 + Math.floor(random() * 7200)) };
		const name = `seeded_${run}`;
		const [inMemory, inRedis] = [memory.limit(name, rate), shared.limit(name, rate)];
		const address = `2001:db8:${run}::`;
		let now = 1_801_234_567_891 + Math.floor(random() * 1e6);
		for (let request = 0; request < 150; request++) {
			// Mostly bursts, now and then a pause of up to a whole refill.
			now += random() < 0.8 ? Math.floor(random() * 50) : Math.floor(random() * 7_200_000);
			expect(await inRedis(address, now), `run ${run}, request ${request}`).toEqual(
				await inMemory(address, now)
			);
		}
	}
});

test('[L5] instances that lost the address secret agree on a new one and share the buckets again', async () => {
	const rate = { capacity: 3, perSecond: 3 / 3600 };
	const first = (await openRedisAddressBuckets(clients[0])).limit('room_starts', rate);
	await clients[0].del(ADDRESS_SECRET_KEY);
	// Started after Redis lost it: it makes another.
	const second = (await openRedisAddressBuckets(clients[1])).limit('room_starts', rate);
	const address = '192.0.2.200';
	const now = Date.now();
	expect((await second(address, now)).ok).toBe(true);
	expect((await second(address, now)).ok).toBe(true);
	expect((await first(address, now)).ok).toBe(true);
	expect((await first(address, now)).ok).toBe(false);
	expect((await second(address, now)).ok).toBe(false);
});
