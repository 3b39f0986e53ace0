import { createClient } from 'redis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LIMIT_WORDS } from '../../server/limits/limits';
import { cleanupsAfterEach } from '../support/cleanups';
import { postJson } from '../support/http';
import { instancesOn } from '../support/instances';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom } from '../support/server';

/** The hourly limits per address across instances (docs/protocol.md, L5; docs/scale-out.md). */

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
const { instance } = instancesOn(() => redis.url, cleanups, { ROOMS_PER_ADDRESS_PER_HOUR: '2' });

const startRoom = (url: string) =>
	postJson(url, '/api/rooms', { playbookId: 'active-listening-sprint' });

test('[L5] an address that spent its room starts on one instance is refused on the other', async () => {
	const [a, b] = [await instance(), await instance()];
	await createRoom(a.url);
	await createRoom(a.url);
	// Before, each instance counted for itself: B would start two more.
	const refused = await startRoom(b.url);
	expect(refused.status).toBe(429);
	expect(await refused.json()).toEqual({
		error: LIMIT_WORDS.tooManyRooms,
		code: 'rate_limited',
		problems: []
	});
	const retryAfter = Number(refused.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(3600 / 2);
	expect((await startRoom(a.url)).status).toBe(429);

	// The buckets are kept under a keyed hash: no key names the address itself.
	const client = createClient({ url: redis.url });
	cleanups.push(() => client.isOpen && client.close());
	await client.connect();
	const keys = await client.keys('pr:limits:room_starts:*');
	expect(keys).toHaveLength(1);
	expect(keys[0]).toMatch(/^pr:limits:room_starts:2-per-3600s:[\w-]{22}$/);
	expect(keys[0]).not.toContain('127.0.0.1');
});
