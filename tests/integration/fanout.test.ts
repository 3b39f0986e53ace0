import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { LocalFanoutHub } from '../../server/fanout/local-fanout';
import { createRedisFanout } from '../../server/fanout/redis-fanout';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { createRedisDocStore } from '../../server/storage/redis-doc-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteDocStore } from '../../server/storage/sqlite-doc-store';
import { startRedis, type TestRedis } from '../support/redis-server';
import { tempDir } from '../support/server';
import { waitFor } from '../support/wait';
import { fanoutContract } from './fanout.contract';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'fanout-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

fanoutContract('in process', async () => {
	const db = openSqlite(tempDir());
	const store = createSqliteDocStore(db, { now: () => Date.now() });
	const hub = new LocalFanoutHub();
	return {
		store: { first: hub.instance('first', store), second: hub.instance('second', store) },
		close: () => db.close()
	};
});

async function redisInstance(instanceId: string) {
	const store = createRedisDocStore(client, { retentionMs: 60_000, instanceId });
	return { store, fanout: await createRedisFanout(client, store, instanceId) };
}

fanoutContract('Redis', async () => {
	const first = await redisInstance('first');
	const second = await redisInstance('second');
	return {
		store: { first, second },
		close: async () => {
			await first.fanout.close();
			await second.fanout.close();
		}
	};
});

test('[F4] Redis: a follower catches up on what was appended after its position, before it followed', async () => {
	const writer = await redisInstance('writer');
	const reader = await redisInstance('reader');
	const roomId = 'fanoutcatchup000000000';
	await writer.store.createRoom(
		{ id: roomId, playbookId: 'x', createdAt: 0 },
		new Uint8Array([0, 0])
	);
	const doc = new Y.Doc();
	const texts = doc.getText('notes');
	const appendText = (text: string) => {
		const before = Y.encodeStateVector(doc);
		texts.insert(texts.length, text);
		return writer.store.appendUpdate(roomId, Y.encodeStateAsUpdate(doc, before));
	};
	const loaded = await reader.store.loadDoc(roomId);
	await appendText('missed while loading. ');
	const copy = new Y.Doc();
	for (const update of loaded.updates) Y.applyUpdate(copy, update);
	reader.fanout.follow(roomId, loaded.cursor, (entries) => {
		for (const entry of entries) Y.applyUpdate(copy, entry.update);
	});
	await appendText('live.');
	await waitFor(
		() => copy.getText('notes').toString() === 'missed while loading. live.',
		'both appends'
	);
	expect(copy.getText('notes').toString()).toBe(texts.toString());
	await writer.fanout.close();
	await reader.fanout.close();
});

test('[F5] Redis: an older snapshot never replaces a newer one, whichever instance writes it', async () => {
	// Without the lag, compaction trims the log right up to the snapshot's position.
	const first = createRedisDocStore(client, {
		retentionMs: 60_000,
		instanceId: 'early',
		trimLagMs: 0
	});
	const roomId = 'fanoutsnapshots0000000';
	const doc = new Y.Doc();
	const notes = doc.getText('notes');
	await first.createRoom({ id: roomId, playbookId: 'x', createdAt: 0 }, new Uint8Array([0, 0]));
	const append = async (text: string) => {
		const before = Y.encodeStateVector(doc);
		notes.insert(notes.length, text);
		return (await first.appendUpdate(roomId, Y.encodeStateAsUpdate(doc, before))) ?? '';
	};
	const early = await append('a');
	const earlySnapshot = Y.encodeStateAsUpdate(doc);
	const late = await append('b');
	await first.compact(roomId, Y.encodeStateAsUpdate(doc), late);
	const lagging = createRedisDocStore(client, {
		retentionMs: 60_000,
		instanceId: 'late',
		trimLagMs: 0
	});
	await client.del(`pr:room:{${roomId}}:compacting`);
	await lagging.compact(roomId, earlySnapshot, early);
	const rebuilt = new Y.Doc();
	for (const update of (await lagging.loadDoc(roomId)).updates) Y.applyUpdate(rebuilt, update);
	expect(rebuilt.getText('notes').toString()).toBe('ab');
});
