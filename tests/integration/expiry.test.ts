import { join } from 'node:path';
import { cleanupsAfterEach } from '../support/cleanups';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryPresenceStore } from '../../server/presence/memory-presence-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { RedisSubscriber } from '../../server/redis/subscriber';
import type { RoomRegistry } from '../../server/rooms/room-registry';
import { startRoomSweeper } from '../../server/rooms/room-sweeper';
import { sealedDocId } from '../../server/storage/document-log';
import { createRedisDocumentLog } from '../../server/storage/redis-document-log';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteDocumentLog } from '../../server/storage/sqlite-document-log';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { DEFAULT_PRESENCE_POLICY } from '../../src/lib/room/presence';
import { startRedis, type TestRedis } from '../support/redis-server';
import { registryOn, type Storage } from '../support/registry';
import { tempDir } from '../support/server';
import { sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

const DAY = 86_400_000;
const RETENTION_MS = 30 * DAY;
const T0 = 1_700_000_000_000;

const cleanups = cleanupsAfterEach();

let counter = 0;
const newRoomId = () => `expiry${String(++counter).padStart(4, '0')}${process.pid}`.padEnd(22, 'x');

async function createRoomIn(rooms: RoomRegistry): Promise<string> {
	const id = newRoomId();
	await rooms.create({ id, playbookId: 'active-listening-sprint', createdAt: T0 });
	return id;
}

function noteUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText(NOTES_TEXT).insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

describe('[S19] expiry with the embedded SQLite store and an injectable clock', () => {
	function open() {
		const dataDir = tempDir();
		const clock = { now: T0 };
		const db = openSqlite(dataDir, T0);
		const now = () => clock.now;
		const store = {
			rooms: createSqliteRoomStore(db, { now }),
			log: createSqliteDocumentLog(db, { now })
		};
		const presence = createMemoryPresenceStore(DEFAULT_PRESENCE_POLICY);
		const rooms = registryOn(cleanups, store);
		const sweeper = startRoomSweeper({
			rooms,
			presence,
			retentionMs: RETENTION_MS,
			everyMs: DAY,
			now: () => clock.now
		});
		cleanups.push(() => db.close());
		cleanups.push(() => sweeper.stop());
		return { dataDir, clock, store, presence, rooms, sweeper };
	}

	test('a room untouched for the retention is swept with everything in it; activity keeps others', async () => {
		const { dataDir, clock, store, presence, rooms, sweeper } = open();
		const [idle, edited, joined, inUse] = [
			await createRoomIn(rooms),
			await createRoomIn(rooms),
			await createRoomIn(rooms),
			await createRoomIn(rooms)
		];
		const words = `forgotten note ${idle}`;
		const sealedWords = `sealed words ${idle}`;
		await store.log.append(idle, noteUpdate(words));
		await store.log.append(sealedDocId(idle), noteUpdate(sealedWords));
		const someone = {
			participantId: 'someone-0001',
			name: 'Someone',
			roleId: 'listener',
			status: 'connected' as const,
			seenAt: T0
		};
		await presence.put(idle, someone);
		const lease = await rooms.acquire(inUse);
		cleanups.push(() => lease?.release());

		clock.now = T0 + 20 * DAY;
		await store.log.append(edited, noteUpdate('a change'));
		clock.now = T0 + 25 * DAY;
		(await rooms.acquire(joined))?.release();
		await waitFor(() => rooms.loadedCount === 1, 'the joined room to leave memory');
		expect(sqliteBytes(dataDir).includes(words)).toBe(true);

		clock.now = T0 + RETENTION_MS + 1;
		expect(await sweeper.sweep()).toEqual([idle]);
		expect(await rooms.getRoom(idle)).toBeUndefined();
		expect(await rooms.acquire(idle)).toBeUndefined();
		expect(await store.log.load(sealedDocId(idle))).toEqual({ updates: [], cursor: undefined });
		expect((await presence.list(idle, T0)).roster).toEqual([]);
		const bytes = sqliteBytes(dataDir);
		for (const trace of [words, sealedWords, idle]) {
			expect(bytes.includes(trace), `"${trace}" is still stored`).toBe(false);
		}

		// Each room goes a retention period after its own last activity; the one in use stays.
		clock.now = T0 + 25 * DAY + RETENTION_MS + 1;
		expect((await sweeper.sweep()).sort()).toEqual([edited, joined].sort());
		expect(await rooms.getRoom(inUse)).toBeDefined();
		lease?.release();
		await waitFor(() => rooms.loadedCount === 0, 'the room in use to leave memory');
		clock.now += RETENTION_MS + 1;
		expect(await sweeper.sweep()).toEqual([inUse]);
	});

	test('a database from before expiry is upgraded; its rooms count as active from then', async () => {
		const dataDir = tempDir();
		const roomId = newRoomId();
		const old = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
		old.exec(`
			CREATE TABLE rooms (id TEXT PRIMARY KEY, playbook_id TEXT NOT NULL, created_at INTEGER NOT NULL);
			INSERT INTO rooms VALUES ('${roomId}', 'active-listening-sprint', 0);
		`);
		old.close();

		for (const openedAt of [T0, T0 + DAY]) {
			const db = openSqlite(dataDir, openedAt);
			const store = createSqliteRoomStore(db, { now: () => openedAt });
			expect(await store.getRoom(roomId)).toEqual({
				id: roomId,
				playbookId: 'active-listening-sprint',
				createdAt: 0
			});
			// Upgraded once: opening again later does not restart the room's retention.
			expect(await store.expiredRooms(T0, 10)).toEqual([]);
			expect(await store.expiredRooms(T0 + 1, 10)).toEqual([roomId]);
			db.close();
		}
	});
});

describe('[S19] expiry with Redis: every key of a room has a TTL, refreshed by activity', () => {
	let redis: TestRedis;
	let client: RedisClient;
	beforeAll(async () => {
		redis = await startRedis();
		client = await connectRedis(redis.url, 'expiry-tests');
	});
	afterAll(async () => {
		await client.close();
		await redis.stop();
	});

	/** Rooms and documents in Redis, keeping each key `retentionMs` after the last activity. */
	async function redisStorage(retentionMs: number): Promise<Storage> {
		const feeds = await RedisSubscriber.connect(client);
		const log = createRedisDocumentLog(client, feeds, { retentionMs, instanceId: 'expiry' });
		cleanups.push(async () => {
			await log.close();
			feeds.close();
		});
		return { rooms: createRedisRoomStore(client, { retentionMs }), log };
	}

	/** The TTL in ms of every key of the room, by key. */
	async function ttls(roomId: string): Promise<Record<string, number>> {
		const keys = await client.keys(`*${roomId}*`);
		return Object.fromEntries(
			await Promise.all(keys.map(async (key) => [key, await client.pTTL(key)] as const))
		);
	}

	/** As if most of the retention had passed: every key of the room has a minute left. */
	async function ageAlmostOut(roomId: string): Promise<void> {
		for (const key of await client.keys(`*${roomId}*`)) await client.pExpire(key, 60_000);
	}

	/** Every key of the room lives for (about) the whole retention period. */
	async function expectFullRetention(roomId: string, keyCount: number): Promise<void> {
		const all = Object.values(await ttls(roomId));
		expect(all).toHaveLength(keyCount);
		for (const ttl of all) expect(ttl).toBeGreaterThan(RETENTION_MS - 60_000);
	}

	test('a new room’s keys, its sealed document’s included, expire after the retention', async () => {
		const rooms = registryOn(cleanups, await redisStorage(RETENTION_MS));
		const roomId = await createRoomIn(rooms);
		// Metadata, snapshot, and the sealed document's log.
		await expectFullRetention(roomId, 3);
	});

	test('an append, a join and a compaction each give every key of the room its whole retention again', async () => {
		const store = await redisStorage(RETENTION_MS);
		const rooms = registryOn(cleanups, store);
		const roomId = await createRoomIn(rooms);
		await ageAlmostOut(roomId);
		await store.log.append(roomId, noteUpdate('a change'));
		await expectFullRetention(roomId, 4);

		await ageAlmostOut(roomId);
		(await rooms.acquire(roomId))?.release();
		await expectFullRetention(roomId, 4);

		await ageAlmostOut(roomId);
		await store.log.compact(sealedDocId(roomId), noteUpdate('sealed snapshot'), '0');
		// Now also the position each snapshot covers (the room's from unloading after the join).
		await expectFullRetention(roomId, 7);
	});

	test('Redis deletes an unused room by itself; the sweeper has nothing to delete', async () => {
		const rooms = registryOn(cleanups, await redisStorage(300));
		const presence = createMemoryPresenceStore(DEFAULT_PRESENCE_POLICY);
		const sweeper = startRoomSweeper({
			rooms,
			presence,
			retentionMs: 300,
			everyMs: DAY,
			now: () => Date.now() + RETENTION_MS
		});
		cleanups.push(() => sweeper.stop());
		const roomId = await createRoomIn(rooms);
		expect(await sweeper.sweep()).toEqual([]);
		expect(await rooms.getRoom(roomId)).toBeDefined();
		await waitFor(
			async () => (await client.keys(`*${roomId}*`)).length === 0,
			'Redis to expire it'
		);
		expect(await rooms.getRoom(roomId)).toBeUndefined();
	});
});
