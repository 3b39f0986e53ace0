// Rooms across time zones that nobody opens: the stored wake index brings a room's deadline and
// reminder back after a restart, without anyone connecting (protocol A14, A15).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { SQLITE_FILE } from '../../server/storage/sqlite';
import { createRedisWakeIndex } from '../../server/turns/redis-wake-index';
import { createSqliteWakeIndex } from '../../server/turns/sqlite-wake-index';
import type { TurnEvents } from '../../server/turns/turn-events';
import type { WakeIndex } from '../../server/turns/wake-index';
import { CONTROL_MAP, controlStateSchema } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from '../support/cleanups';
import { connectSynced, joinAs } from '../support/clients';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir, type TestServerOptions } from '../support/server';
import { waitFor } from '../support/wait';

const HOUR = 3_600_000;
const cleanups = cleanupsAfterEach();
const servers: RunningServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'unopened-rooms-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

async function start(options: TestServerOptions) {
	const server = await startTestServer(options);
	servers.push(server);
	return server;
}

async function stop(server: RunningServer) {
	servers.splice(servers.indexOf(server), 1);
	await server.close();
}

/** Starts a room on turns (24-hour windows) and answers its id and host key. */
const createAsyncRoom = (baseUrl: string) =>
	createRoom(baseUrl, 'active-listening-sprint', { async: {} });

/** A server on a fresh data directory with a room on turns, and that directory's wake index. */
async function asyncRoomOnDisk() {
	const dataDir = tempDir();
	const server = await start({ dataDir });
	const room = await createAsyncRoom(server.url);
	const db = new DatabaseSync(join(dataDir, SQLITE_FILE));
	cleanups.push(() => db.close());
	return { dataDir, server, ...room, index: createSqliteWakeIndex(db) };
}

async function wakeOf(index: WakeIndex, roomId: string): Promise<number | undefined> {
	const entries = await index.due(Number.MAX_SAFE_INTEGER, 10_000);
	return entries.find((entry) => entry.roomId === roomId)?.at;
}

/** Rooms the server has in memory now, from /metrics. */
async function roomsInMemory(baseUrl: string): Promise<number> {
	const text = await (await fetch(`${baseUrl}/metrics`)).text();
	return Number(/^practice_room_rooms_in_memory (\d+)$/m.exec(text)?.[1]);
}

/** TurnEvents that only write down what they hear. */
function heard() {
	const events: string[] = [];
	const observer: TurnEvents = {
		onTurnStarted: (roomId, phaseIndex) => void events.push(`started ${roomId} ${phaseIndex}`),
		onTurnMoved: (roomId, phaseIndex) => void events.push(`moved ${roomId} ${phaseIndex}`),
		onDeadlineNear: (roomId, phaseIndex) => void events.push(`near ${roomId} ${phaseIndex}`)
	};
	return { events, observer };
}

test('[A14] a room nobody opens moves on at its deadline after a restart, and unloads again', async () => {
	const { dataDir, server: first, id, index } = await asyncRoomOnDisk();
	const firstWake = await wakeOf(index, id);
	expect(firstWake).toBeGreaterThan(Date.now());
	await stop(first);

	// A day and an hour later by the server's clock; nobody connects.
	const later = await start({ dataDir, env: { ROOM_CLOCK_OFFSET_MS: String(25 * HOUR) } });
	await waitFor(
		async () => ((await wakeOf(index, id)) ?? 0) > (firstWake ?? Infinity) + HOUR,
		'the server to move the room on by itself'
	);
	await waitFor(async () => (await roomsInMemory(later.url)) === 0, 'the room to unload');

	const reader = await connectSynced(later.url, id);
	cleanups.push(() => reader.provider.destroy());
	const control = controlStateSchema.parse(reader.doc.getMap(CONTROL_MAP).toJSON());
	expect(control.step).toBe(2);
	expect(control.async?.openedAt).toBeLessThan(Date.now() + 25 * HOUR);
	expect(control.async?.openedAt).toBeGreaterThan((firstWake ?? Infinity) + HOUR);
}, 30_000);

test('[A14] erasing a room on turns takes its wake out of the index', async () => {
	const { server, id, hostKey, index } = await asyncRoomOnDisk();
	expect(await wakeOf(index, id)).toBeGreaterThan(Date.now());
	const host = await joinAs(server.url, id, 'Ana', { roleId: 'speaker', hostKey });
	cleanups.push(() => host.socket.disconnect());
	expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });
	await waitFor(async () => (await wakeOf(index, id)) === undefined, 'the wake to go');
}, 30_000);

test('[A15] with two instances on one Redis, a due room is ticked by one and its reminder told once', async () => {
	const index = createRedisWakeIndex(client);
	const first = await start({ redisUrl: redis.url });
	const { id } = await createAsyncRoom(first.url);
	const ana = await joinAs(first.url, id, 'Ana', { roleId: 'speaker' });
	ana.socket.disconnect();
	const reminder = await wakeOf(index, id);
	await stop(first);

	// 22 hours on: past the reminder (3 hours before the 24-hour deadline), not the deadline.
	const [one, two] = [heard(), heard()];
	const offset = { ROOM_CLOCK_OFFSET_MS: String(22 * HOUR) };
	const a = await start({
		redisUrl: redis.url,
		env: offset,
		services: { turnEvents: one.observer }
	});
	const b = await start({
		redisUrl: redis.url,
		env: offset,
		services: { turnEvents: two.observer }
	});
	await waitFor(
		async () => ((await wakeOf(index, id)) ?? 0) > (reminder ?? Infinity),
		'the reminder to be sent and the deadline to be the next wake'
	);
	await waitFor(
		async () => (await roomsInMemory(a.url)) + (await roomsInMemory(b.url)) === 0,
		'the room to unload from both'
	);
	expect([...one.events, ...two.events]).toEqual([`near ${id} 1`]);
	expect(await wakeOf(index, id)).toBe((reminder ?? 0) + 3 * HOUR);
}, 30_000);

test('[A28] [A29] a paused room leaves the wake index, stays put over a restart, and is woken again from its resume', async () => {
	const { dataDir, server: first, id, hostKey, index } = await asyncRoomOnDisk();
	const reminder = await wakeOf(index, id);
	const ana = await joinAs(first.url, id, 'Ana', { roleId: 'speaker', hostKey });
	expect(await ana.send({ type: 'room.pause' })).toEqual({ ok: true });
	await waitFor(async () => (await wakeOf(index, id)) === undefined, 'the wake to go');
	ana.socket.disconnect();
	await stop(first);

	// A day and an hour later, past the deadline: the paused room has not moved on.
	const later = await start({ dataDir, env: { ROOM_CLOCK_OFFSET_MS: String(25 * HOUR) } });
	const back = await joinAs(later.url, id, 'Ana', { id: ana.id, roleId: 'speaker', hostKey });
	cleanups.push(() => back.socket.disconnect());
	const reader = await connectSynced(later.url, id);
	cleanups.push(() => reader.provider.destroy());
	const control = () => controlStateSchema.parse(reader.doc.getMap(CONTROL_MAP).toJSON());
	expect(control().step).toBe(1);
	expect(await wakeOf(index, id)).toBeUndefined();

	expect(await back.send({ type: 'room.resume' })).toEqual({ ok: true });
	// The window keeps its 22 hours or so: the reminder is a day (the pause) later than it was.
	await waitFor(
		async () => ((await wakeOf(index, id)) ?? 0) > (reminder ?? Infinity) + 24 * HOUR,
		'the moved reminder to be the next wake'
	);
	expect(control().step).toBe(1);
}, 30_000);
