import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { FanoutEntry } from '../../server/fanout/fanout';
import { MAX_WAITING } from '../../server/fanout/feed-order';
import { LocalFanoutHub } from '../../server/fanout/local-fanout';
import { createRedisFanout, redisLogReader, type ReadLog } from '../../server/fanout/redis-fanout';
import { redirectLog } from '../../server/log';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { awarenessChannel, feedChannel } from '../../server/redis/keys';
import { createRedisDocStore } from '../../server/storage/redis-doc-store';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteDocStore } from '../../server/storage/sqlite-doc-store';
import { cuttingProxy, sends } from '../support/cutting-proxy';
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

async function redisInstance(instanceId: string, on = client, readLog?: ReadLog) {
	const store = createRedisDocStore(on, { retentionMs: 60_000, instanceId });
	return { store, fanout: await createRedisFanout(on, store, instanceId, readLog) };
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

const subscribers = async (channel: string) => (await client.pubSubNumSub(channel))[channel];

let roomCounter = 0;
/** A fresh room, created through `writer`, and a function appending `text` to its notes. */
async function roomOf(writer: Awaited<ReturnType<typeof redisInstance>>) {
	const roomId = `fanoutredis${String(++roomCounter).padStart(11, '0')}`;
	await writer.store.createRoom(
		{ id: roomId, playbookId: 'x', createdAt: 0 },
		new Uint8Array([0, 0])
	);
	const doc = new Y.Doc();
	const append = (text: string) => {
		const before = Y.encodeStateVector(doc);
		doc.getText('notes').insert(doc.getText('notes').length, text);
		return writer.store.appendUpdate(roomId, Y.encodeStateAsUpdate(doc, before));
	};
	return { roomId, append };
}

/** What a follower was delivered: each entry's origin and the notes it adds. */
function heard() {
	const doc = new Y.Doc();
	const entries: { origin: string; text: string }[] = [];
	const deliver = (delivered: FanoutEntry[]) => {
		for (const { origin, update } of delivered) {
			const before = doc.getText('notes').toString();
			Y.applyUpdate(doc, update);
			entries.push({ origin, text: doc.getText('notes').toString().slice(before.length) });
		}
	};
	return { entries, deliver, text: () => doc.getText('notes').toString() };
}

/** Appends until `writer`'s appends reach the follower live (not only by a read of the log). */
async function hearsLive(
	append: (text: string) => Promise<unknown>,
	follower: ReturnType<typeof heard>,
	writer: string
) {
	let n = 0;
	await waitFor(async () => {
		await append(`live ${++n}. `);
		return follower.entries.some((e) => e.origin === writer && e.text.startsWith('live'));
	}, 'a live append to be delivered');
}

test('Redis: a follower whose catch-up read failed reads again, then hears live appends', async () => {
	const writer = await redisInstance('writer');
	const logReader = redisLogReader(client);
	let failures = 1;
	const reader = await redisInstance('reader', client, (docId, after) =>
		failures-- > 0 ? Promise.reject(new Error('XRANGE failed')) : logReader(docId, after)
	);
	const { roomId, append } = await roomOf(writer);
	await append('before. ');
	const follower = heard();
	reader.fanout.follow(roomId, undefined, follower.deliver);
	await hearsLive(append, follower, 'writer');
	expect(follower.text()).toMatch(/^before\. live 1\. /);
	await writer.fanout.close();
	await reader.fanout.close();
});

test('Redis: a follower whose reload after a reconnect failed reloads again, then hears live appends', async () => {
	const proxy = await cuttingProxy(redis.url);
	const writer = await redisInstance('writer');
	const store = createRedisDocStore(proxy.client, { retentionMs: 60_000, instanceId: 'reader' });
	let reloads = 0;
	const flaky = {
		loadDoc: (docId: string) =>
			++reloads === 1 ? Promise.reject(new Error('reload failed')) : store.loadDoc(docId)
	};
	const reader = await createRedisFanout(proxy.client, flaky, 'reader');
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	reader.follow(roomId, undefined, follower.deliver);
	await hearsLive(append, follower, 'writer');
	const before = proxy.accepted();
	proxy.outage();
	proxy.restore();
	await waitFor(() => proxy.accepted() > before && reloads > 0, 'the reconnect and its reload');
	follower.entries.length = 0;
	await hearsLive(append, follower, 'writer');
	expect(reloads).toBe(2);
	await writer.fanout.close();
	await reader.close();
	await proxy.close();
});

test('Redis: a follow whose SUBSCRIBE was lost with the connection hears later appends and awareness', async () => {
	const proxy = await cuttingProxy(redis.url);
	const writer = await redisInstance('writer');
	const reader = await redisInstance('reader', proxy.client);
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	proxy.cutWhen(sends('subscribe', feedChannel(roomId)));
	reader.fanout.follow(roomId, undefined, follower.deliver);
	await hearsLive(append, follower, 'writer');

	const awareness: Uint8Array[] = [];
	proxy.cutWhen(sends('subscribe', awarenessChannel(roomId)));
	reader.fanout.followAwareness(roomId, (update) => awareness.push(update));
	await waitFor(() => {
		writer.fanout.publishAwareness(roomId, new Uint8Array([7]));
		return awareness.length > 0;
	}, 'awareness from the writer');
	await writer.fanout.close();
	await reader.fanout.close();
	await proxy.close();
});

test('Redis: a delivery that throws loses nothing that arrived with it', async () => {
	const writer = await redisInstance('writer');
	const reader = await redisInstance('reader');
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	let throwOnce = false;
	reader.fanout.follow(roomId, undefined, (entries, cursor) => {
		follower.deliver(entries);
		if (!throwOnce) return;
		throwOnce = false;
		throw new Error(`a bug in the room, at ${cursor}`);
	});
	const awareness: number[] = [];
	reader.fanout.followAwareness(roomId, (update) => {
		awareness.push(update[0] ?? 0);
		if (update[0] === 1) throw new Error('a bug in the room');
	});
	await hearsLive(append, follower, 'writer');
	await waitFor(() => {
		writer.fanout.publishAwareness(roomId, new Uint8Array([0]));
		return awareness.length > 0;
	}, 'awareness from the writer');

	const lines: string[] = [];
	const restoreLog = redirectLog({ write: (line: string) => void lines.push(line) });
	// Sent in one turn, both reach the reader's connection in one chunk.
	throwOnce = true;
	await Promise.all([append('first. '), append('second.')]);
	await waitFor(() => follower.text().endsWith('first. second.'), 'the second append');
	writer.fanout.publishAwareness(roomId, new Uint8Array([1]));
	writer.fanout.publishAwareness(roomId, new Uint8Array([2]));
	await waitFor(() => awareness.includes(2), 'the second awareness update');
	restoreLog();
	const failures = lines
		.map((line) => JSON.parse(line) as { level: number; docId?: string; roomId?: string })
		.filter((line) => line.level === 50);
	expect(failures.map(({ docId, roomId }) => docId ?? roomId)).toEqual([roomId, roomId]);
	expect(lines.join('\n')).not.toContain('first.');
	await writer.fanout.close();
	await reader.fanout.close();
});

test('Redis: live entries held back past the limit make the follower reload the document', async () => {
	const writer = await redisInstance('writer');
	let release = () => {};
	const stuck: ReadLog = async () => {
		await new Promise<void>((resolve) => (release = resolve));
		return { entries: [], cursor: undefined };
	};
	const reader = await redisInstance('reader', client, stuck);
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	reader.fanout.follow(roomId, undefined, follower.deliver);
	await waitFor(async () => (await subscribers(feedChannel(roomId))) === 1, 'the subscription');
	const appends = Array.from({ length: MAX_WAITING + 1 }, (_, n) =>
		append(n === MAX_WAITING ? 'last.' : '.')
	);
	await Promise.all(appends);
	await waitFor(() => follower.text().endsWith('last.'), 'the reload', 20_000);
	expect(follower.entries.every((e) => e.origin === 'reloaded')).toBe(true);
	release();
	await writer.fanout.close();
	await reader.fanout.close();
});

test('Redis: published while Redis is unreachable, awareness is dropped rather than sent stale', async () => {
	const proxy = await cuttingProxy(redis.url);
	const other = await redisInstance('other');
	const cutOff = await redisInstance('cut-off', proxy.client);
	const roomId = 'fanoutstaleawareness00';
	const heardThere: number[] = [];
	other.fanout.followAwareness(roomId, (update) => heardThere.push(update[0] ?? 0));
	await waitFor(() => {
		cutOff.fanout.publishAwareness(roomId, new Uint8Array([1]));
		return heardThere.length > 0;
	}, 'awareness across');
	proxy.outage();
	await waitFor(() => !proxy.client.isReady, 'the connection to drop');
	cutOff.fanout.publishAwareness(roomId, new Uint8Array([2]));
	proxy.restore();
	await waitFor(() => {
		cutOff.fanout.publishAwareness(roomId, new Uint8Array([3]));
		return heardThere.includes(3);
	}, 'awareness after the outage');
	expect(heardThere).not.toContain(2);
	await other.fanout.close();
	await cutOff.fanout.close();
	await proxy.close();
});

test('Redis: unfollowing leaves no subscription behind, even when the UNSUBSCRIBE is lost', async () => {
	const proxy = await cuttingProxy(redis.url);
	const { fanout } = await redisInstance('leaving', proxy.client);
	const [doc, room, kept] = [
		'fanoutleaving000000000',
		'fanoutleaving000000001',
		'fanoutkept000000000000'
	];
	const channels = { doc: feedChannel(doc), room: awarenessChannel(room), kept: feedChannel(kept) };
	const stopDoc = fanout.follow(doc, undefined, () => {});
	const stopRoom = fanout.followAwareness(room, () => {});
	fanout.follow(kept, undefined, () => {});
	const counts = async () =>
		Object.fromEntries(
			await Promise.all(
				Object.entries(channels).map(async ([name, channel]) => [name, await subscribers(channel)])
			)
		);
	await waitFor(
		async () => Object.values(await counts()).every((n) => n === 1),
		'the subscriptions'
	);

	for (const [stop, channel] of [
		[stopDoc, channels.doc],
		[stopRoom, channels.room]
	] as const) {
		proxy.cutWhen(sends('unsubscribe', channel));
		const before = proxy.accepted();
		stop();
		// node-redis subscribes its channels again on the new connection; the kept one tells when.
		await waitFor(
			async () => proxy.accepted() > before && (await subscribers(channels.kept)) === 1,
			'the reconnect'
		);
		await waitFor(async () => (await subscribers(channel)) === 0, `${channel} to be unsubscribed`);
	}
	expect(await counts()).toEqual({ doc: 0, room: 0, kept: 1 });
	await fanout.close();
	await proxy.close();
});

test('Redis: unfollowing a document and a room unsubscribes their channels', async () => {
	const { fanout } = await redisInstance('leaving');
	const roomId = 'fanoutunfollow00000000';
	const stops = [
		fanout.follow(roomId, undefined, () => {}),
		fanout.followAwareness(roomId, () => {})
	];
	const channels = [feedChannel(roomId), awarenessChannel(roomId)];
	const counts = async () => Promise.all(channels.map(subscribers));
	await waitFor(async () => (await counts()).every((n) => n === 1), 'the subscriptions');
	for (const stop of stops) stop();
	await waitFor(async () => (await counts()).every((n) => n === 0), 'no subscription left');
	await fanout.close();
});
