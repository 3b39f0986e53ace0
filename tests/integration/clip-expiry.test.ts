import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createMemoryPresenceStore } from '../../server/presence/memory-presence-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { RedisSubscriber } from '../../server/redis/subscriber';
import type { RoomRegistry } from '../../server/rooms/room-registry';
import { startRoomSweeper } from '../../server/rooms/room-sweeper';
import type { BlobStore } from '../../server/storage/blob-store';
import { createRedisBlobStore } from '../../server/storage/redis-blob-store';
import { createRedisDocumentLog } from '../../server/storage/redis-document-log';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteBlobStore } from '../../server/storage/sqlite-blob-store';
import { createSqliteDocumentLog } from '../../server/storage/sqlite-document-log';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { DEFAULT_PRESENCE_POLICY } from '../../src/lib/room/presence';
import { cleanupsAfterEach } from '../support/cleanups';
import { startRedis, type TestRedis } from '../support/redis-server';
import { registryOn } from '../support/registry';
import { tempDir } from '../support/server';
import { sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

const DAY = 86_400_000;
const RETENTION_MS = 30 * DAY;
const T0 = 1_700_000_000_000;
const cleanups = cleanupsAfterEach();

let counter = 0;
const newRoomId = () =>
	`clipexp${String(++counter).padStart(4, '0')}${process.pid}`.padEnd(22, 'x');

async function roomWithClip(rooms: RoomRegistry, blobs: BlobStore, marker: string) {
	const id = newRoomId();
	await rooms.create({ id, playbookId: 'active-listening-sprint', createdAt: T0 });
	const bytes = new TextEncoder().encode(marker);
	expect(await blobs.put(id, 'clip-1', { type: 'audio/webm', owner: 'someone-1', bytes })).toBe(
		'stored'
	);
	return id;
}

test('[B7] [S19] with SQLite, a room swept at the end of its retention takes its clips along', async () => {
	const dataDir = tempDir();
	const clock = { now: T0 };
	const db = openSqlite(dataDir, T0);
	cleanups.push(() => db.close());
	const now = () => clock.now;
	const blobs = createSqliteBlobStore(db, { maxRoomBytes: 1_000_000 });
	const rooms = registryOn(cleanups, {
		rooms: createSqliteRoomStore(db, { now }),
		log: createSqliteDocumentLog(db, { now })
	});
	const sweeper = startRoomSweeper({
		rooms,
		presence: createMemoryPresenceStore(DEFAULT_PRESENCE_POLICY),
		retentionMs: RETENTION_MS,
		everyMs: DAY,
		now
	});
	cleanups.push(() => sweeper.stop());
	const marker = `EXPIRING-VOICE-${process.pid}`;
	const roomId = await roomWithClip(rooms, blobs, marker);
	const kept = await roomWithClip(rooms, blobs, `KEPT-VOICE-${process.pid}`);
	clock.now = T0 + DAY;
	(await rooms.acquire(kept))?.release();
	await waitFor(() => rooms.loadedCount === 0, 'the rooms to leave memory');

	clock.now = T0 + RETENTION_MS + 1;
	expect(await sweeper.sweep()).toEqual([roomId]);
	expect(await blobs.get(roomId, 'clip-1')).toBeUndefined();
	expect(sqliteBytes(dataDir).includes(marker)).toBe(false);
	expect((await blobs.get(kept, 'clip-1'))?.size).toBe(`KEPT-VOICE-${process.pid}`.length);
});

describe('[B7] [S19] with Redis, a room’s clips expire with its other keys', () => {
	let redis: TestRedis;
	let client: RedisClient;
	beforeAll(async () => {
		redis = await startRedis();
		client = await connectRedis(redis.url, 'clip-expiry-tests');
	});
	afterAll(async () => {
		await client.close();
		await redis.stop();
	});

	async function storage(retentionMs: number) {
		const feeds = await RedisSubscriber.connect(client);
		const log = createRedisDocumentLog(client, feeds, { retentionMs, instanceId: 'clip-expiry' });
		cleanups.push(async () => {
			await log.close();
			feeds.close();
		});
		const blobs = createRedisBlobStore(client, { maxRoomBytes: 1_000_000 });
		return {
			rooms: registryOn(cleanups, {
				rooms: createRedisRoomStore(client, { retentionMs }),
				log
			}),
			blobs,
			log
		};
	}

	const blobTtls = async (roomId: string) => {
		const keys = (await client.keys(`*${roomId}*`)).filter((key) => key.includes(':blob'));
		return Promise.all(keys.map((key) => client.pTTL(key)));
	};

	test('a stored clip lives as long as its room, and activity renews both', async () => {
		const { rooms, blobs, log } = await storage(RETENTION_MS);
		const roomId = await roomWithClip(rooms, blobs, 'a take');
		const ttls = await blobTtls(roomId);
		expect(ttls).toHaveLength(2);
		for (const ttl of ttls) expect(ttl).toBeGreaterThan(RETENTION_MS - 60_000);

		for (const key of await client.keys(`*${roomId}*`)) await client.pExpire(key, 60_000);
		const doc = new Y.Doc();
		doc.getText(NOTES_TEXT).insert(0, 'a change');
		await log.append(roomId, Y.encodeStateAsUpdate(doc));
		for (const ttl of await blobTtls(roomId)) expect(ttl).toBeGreaterThan(RETENTION_MS - 60_000);
	});

	test('Redis deletes an unused room’s clips by itself', async () => {
		const { rooms, blobs } = await storage(300);
		const roomId = await roomWithClip(rooms, blobs, 'a forgotten take');
		await waitFor(
			async () => (await client.keys(`*${roomId}*`)).length === 0,
			'Redis to expire the room and its clips'
		);
		expect(await blobs.get(roomId, 'clip-1')).toBeUndefined();
	});
});
