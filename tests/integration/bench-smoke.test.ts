import { afterAll, beforeAll, expect, test } from 'vitest';
import { yWebsocketClients } from '../../bench/clients';
import { scrapeServer } from '../../bench/metrics-scrape';
import { joinRoomPresence } from '../../bench/presence';
import { readRedisCounters, redisPerUpdate, type RedisCounters } from '../../bench/redis-figures';
import { countRedisCommands } from '../../bench/servers/redis-commands';
import { runSoak } from '../../bench/soak';
import { runRoomWorkload } from '../../bench/workloads';
import type { RunningServer } from '../../server/app';
import { startRedis } from '../support/redis-server';
import { createRoom, startTestServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

test('the benchmark harness produces figures and loses no update (a few rooms, briefly)', async () => {
	const rooms = await Promise.all([1, 2, 3].map(async () => (await createRoom(server.url)).id));
	const result = await runRoomWorkload(yWebsocketClients([server.port], '/yjs'), {
		rooms,
		people: 2,
		projectors: 1,
		durationMs: 2_000
	});
	expect(result.failedJoins).toBe(0);
	expect(result.updatesSent).toBeGreaterThan(10);
	// Two receivers per room see every update; the first second is warm-up, not measured.
	expect(result.latency.count).toBeGreaterThan(0);
	expect(result.latency.count).toBeLessThan(result.updatesSent * 2);
	expect(result.latency.p99).toBeGreaterThan(0);
	expect(result.dropped).toBe(0);
	expect(result.duplicated).toBe(0);
	expect(result.join.count).toBe(9);
	// In each of the 3 rooms both people move their cursor twice a second and the 2 others note
	// each move: at most 3 moves each in the measured second, the timers' drift allowed for.
	expect(result.presenceLatency.count).toBeGreaterThan(0);
	expect(result.presenceLatency.count).toBeLessThanOrEqual(3 * 2 * 2 * 3);
	expect(result.presenceLatency.p99).toBeGreaterThan(0);
	expect(Number.isFinite(result.generatorLoopDelayP99Ms)).toBe(true);
});

test('the soak replaces rooms, samples the server and fits a memory slope, losing no update (three rooms, a few seconds)', async () => {
	const result = await runSoak({
		rooms: 3,
		durationMs: 4_000,
		sessionMs: 2_000,
		sampleEveryMs: 250,
		// The timer changes every half second instead of every minute.
		minuteMs: 500,
		connect: yWebsocketClients([server.port], '/yjs'),
		newRoom: async () => (await createRoom(server.url)).id,
		joinPresence: (roomId, slot) => joinRoomPresence(server.port, roomId, slot, 2, { agree: true }),
		sample: () => scrapeServer(server.url)
	});
	// Sessions ended and fresh rooms took their place.
	expect(result.sessions).toBeGreaterThan(3);
	expect(result.updatesSent).toBeGreaterThan(10);
	expect(result.latency.count).toBeGreaterThan(0);
	expect(result.dropped).toBe(0);
	expect(result.duplicated).toBe(0);
	expect(result.failedRoomStarts).toBe(0);
	expect(result.failedJoins).toBe(0);
	expect(result.failedPresence).toBe(0);
	expect(result.controlChanges).toBeGreaterThan(0);
	expect(result.refusedControlChanges).toBe(0);
	expect(result.missedSamples).toBe(0);
	// A baseline and then one sample every 250 ms; the second half's are fitted.
	expect(result.samples.length).toBeGreaterThan(8);
	expect(result.samples.some((sample) => sample.roomsInMemory > 0)).toBe(true);
	expect(result.rss.samples).toBeGreaterThan(3);
	expect(Number.isFinite(result.rss.slopeKiBPerMin)).toBe(true);
	expect(Number.isFinite(result.heap.percentPer10Min)).toBe(true);
	expect(result.rssStartMiB).toBeGreaterThan(0);
	expect(result.eventLoopDelayP99Ms.max).toBeGreaterThanOrEqual(0);
});

test('two instances on one Redis: each room split across them, Redis figures per update, no update lost (three rooms, briefly)', async () => {
	const redis = await startRedis();
	// Counts this process's commands to Redis: the two instances', and the harness's INFO.
	const sent = countRedisCommands(redis.url);
	const instances = [
		await startTestServer({ redisUrl: redis.url }),
		await startTestServer({ redisUrl: redis.url })
	];
	try {
		const rooms = await Promise.all(
			[1, 2, 3].map(async () => (await createRoom(instances[0]!.url)).id)
		);
		let before: { redis: RedisCounters; sent: Record<string, number> } | undefined;
		const result = await runRoomWorkload(
			yWebsocketClients(
				instances.map((instance) => instance.port),
				'/yjs'
			),
			{
				rooms,
				people: 2,
				projectors: 1,
				durationMs: 2_000,
				onConnected: async () => {
					before = { redis: await readRedisCounters(redis.url), sent: sent() };
				}
			}
		);
		const after = { redis: await readRedisCounters(redis.url), sent: sent() };
		const figures = redisPerUpdate(before!, after, result.updatesSent);
		expect(result.failedJoins).toBe(0);
		expect(result.updatesSent).toBeGreaterThan(10);
		expect(result.latency.count).toBeGreaterThan(0);
		expect(result.dropped).toBe(0);
		expect(result.duplicated).toBe(0);
		// Updates are stored with a script (one round trip) that appends and publishes inside Redis.
		expect(figures.sentByName.evalsha).toBeGreaterThan(0);
		expect(figures.ranByName.xadd).toBeGreaterThan(0);
		expect(figures.ranByName.publish).toBeGreaterThan(0);
		expect(figures.commands).toBeGreaterThan(figures.sentByName.evalsha!);
		expect(figures.bytesIn).toBeGreaterThan(0);
		expect(figures.bytesOut).toBeGreaterThan(0);
	} finally {
		await Promise.all(instances.map((instance) => instance.close()));
		await redis.stop();
	}
});
