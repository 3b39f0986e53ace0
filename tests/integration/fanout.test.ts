import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { MAX_WAITING } from '../../server/fanout/feed-order';
import { redisAwarenessFeed } from '../../server/fanout/redis-awareness-feed';
import {
	redisLogFollower,
	type LogReads,
	type ReadLog
} from '../../server/fanout/redis-log-follower';
import { redirectLog } from '../../server/log';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { awarenessChannel, feedChannel } from '../../server/redis/keys';
import { RedisSubscriber } from '../../server/redis/subscriber';
import type { LogEntry } from '../../server/storage/document-log';
import {
	createRedisDocumentLog,
	redisLogReader,
	type RedisDocumentLogOptions
} from '../../server/storage/redis-document-log';
import { createRedisRoomStore } from '../../server/storage/redis-room-store';
import type { RoomStore } from '../../server/storage/room-store';
import { cuttingProxy, sends } from '../support/cutting-proxy';
import { startRedis, type TestRedis } from '../support/redis-server';
import { waitFor } from '../support/wait';

let redis: TestRedis;
let client: RedisClient;
let rooms: RoomStore;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'fanout-tests');
	rooms = createRedisRoomStore(client, { retentionMs: 60_000 });
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

/**
 * An instance on Redis through `on`: its document log, its awareness feed, and a follower of its
 * own whose reads the test may slow down or fail (`reads`, on the same subscriber).
 */
async function redisInstance(
	instanceId: string,
	on = client,
	reads?: Partial<LogReads>,
	options: Partial<RedisDocumentLogOptions> = {}
) {
	const subscriber = await RedisSubscriber.connect(on);
	const log = createRedisDocumentLog(on, subscriber, {
		retentionMs: 60_000,
		instanceId,
		...options
	});
	const follower = redisLogFollower(subscriber, {
		readLog: reads?.readLog ?? redisLogReader(on),
		load: reads?.load ?? log.load
	});
	return {
		log,
		follower,
		awareness: redisAwarenessFeed(on, subscriber, instanceId),
		close: async () => {
			follower.close();
			await log.close();
			subscriber.close();
		}
	};
}

test('[F5] Redis: an older snapshot never replaces a newer one, whichever instance writes it', async () => {
	// Without the lag, compaction trims the log right up to the snapshot's position.
	const first = await redisInstance('early', client, {}, { trimLagMs: 0 });
	const roomId = 'fanoutsnapshots0000000';
	const doc = new Y.Doc();
	const notes = doc.getText('notes');
	await rooms.createRoom({ id: roomId, playbookId: 'x', createdAt: 0 }, new Uint8Array([0, 0]));
	const append = async (text: string) => {
		const before = Y.encodeStateVector(doc);
		notes.insert(notes.length, text);
		return (await first.log.append(roomId, Y.encodeStateAsUpdate(doc, before))) ?? '';
	};
	const early = await append('a');
	const earlySnapshot = Y.encodeStateAsUpdate(doc);
	const late = await append('b');
	await first.log.compact(roomId, Y.encodeStateAsUpdate(doc), late);
	const lagging = await redisInstance('late', client, {}, { trimLagMs: 0 });
	await lagging.log.compact(roomId, earlySnapshot, early);
	const rebuilt = new Y.Doc();
	for (const update of (await lagging.log.load(roomId)).updates) Y.applyUpdate(rebuilt, update);
	expect(rebuilt.getText('notes').toString()).toBe('ab');
	await first.close();
	await lagging.close();
});

const subscribers = async (channel: string) => (await client.pubSubNumSub(channel))[channel];

let roomCounter = 0;
/** A fresh room, created through `writer`, and a function appending `text` to its notes. */
async function roomOf(writer: Awaited<ReturnType<typeof redisInstance>>) {
	const roomId = `fanoutredis${String(++roomCounter).padStart(11, '0')}`;
	await rooms.createRoom({ id: roomId, playbookId: 'x', createdAt: 0 }, new Uint8Array([0, 0]));
	const doc = new Y.Doc();
	const append = (text: string) => {
		const before = Y.encodeStateVector(doc);
		doc.getText('notes').insert(doc.getText('notes').length, text);
		return writer.log.append(roomId, Y.encodeStateAsUpdate(doc, before));
	};
	return { roomId, append };
}

/** What a follower was delivered: each entry's origin and the notes it adds. */
function heard() {
	const doc = new Y.Doc();
	const entries: { origin: string; text: string }[] = [];
	const deliver = (delivered: LogEntry[]) => {
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
	const reader = await redisInstance('reader', client, {
		readLog: (docId, after) =>
			failures-- > 0 ? Promise.reject(new Error('XRANGE failed')) : logReader(docId, after)
	});
	const { roomId, append } = await roomOf(writer);
	await append('before. ');
	const follower = heard();
	reader.follower.subscribe(roomId, undefined, follower.deliver);
	await hearsLive(append, follower, 'writer');
	expect(follower.text()).toMatch(/^before\. live 1\. /);
	await writer.close();
	await reader.close();
});

test('Redis: a follower whose reload after a reconnect failed reloads again, then hears live appends', async () => {
	const proxy = await cuttingProxy(redis.url);
	const writer = await redisInstance('writer');
	const loader = await redisInstance('loader');
	let reloads = 0;
	const reader = await redisInstance('reader', proxy.client, {
		load: (docId: string) =>
			++reloads === 1 ? Promise.reject(new Error('reload failed')) : loader.log.load(docId)
	});
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	reader.follower.subscribe(roomId, undefined, follower.deliver);
	await hearsLive(append, follower, 'writer');
	const before = proxy.accepted();
	proxy.outage();
	proxy.restore();
	await waitFor(() => proxy.accepted() > before && reloads > 0, 'the reconnect and its reload');
	follower.entries.length = 0;
	await hearsLive(append, follower, 'writer');
	expect(reloads).toBe(2);
	await writer.close();
	await reader.close();
	await loader.close();
	await proxy.close();
});

test('Redis: a follow whose SUBSCRIBE was lost with the connection hears later appends and awareness', async () => {
	const proxy = await cuttingProxy(redis.url);
	const writer = await redisInstance('writer');
	const reader = await redisInstance('reader', proxy.client);
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	proxy.cutWhen(sends('subscribe', feedChannel(roomId)));
	reader.follower.subscribe(roomId, undefined, follower.deliver);
	await hearsLive(append, follower, 'writer');

	const awareness: Uint8Array[] = [];
	proxy.cutWhen(sends('subscribe', awarenessChannel(roomId)));
	reader.awareness.follow(roomId, (update) => awareness.push(update));
	await waitFor(() => {
		writer.awareness.publish(roomId, new Uint8Array([7]));
		return awareness.length > 0;
	}, 'awareness from the writer');
	await writer.close();
	await reader.close();
	await proxy.close();
});

test('Redis: a delivery that throws loses nothing that arrived with it', async () => {
	const writer = await redisInstance('writer');
	const reader = await redisInstance('reader');
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	let throwOnce = false;
	reader.follower.subscribe(roomId, undefined, (entries, cursor) => {
		follower.deliver(entries);
		if (!throwOnce) return;
		throwOnce = false;
		throw new Error(`a bug in the room, at ${cursor}`);
	});
	const awareness: number[] = [];
	reader.awareness.follow(roomId, (update) => {
		awareness.push(update[0] ?? 0);
		if (update[0] === 1) throw new Error('a bug in the room');
	});
	await hearsLive(append, follower, 'writer');
	await waitFor(() => {
		writer.awareness.publish(roomId, new Uint8Array([0]));
		return awareness.length > 0;
	}, 'awareness from the writer');

	const lines: string[] = [];
	const restoreLog = redirectLog({ write: (line: string) => void lines.push(line) });
	// Sent in one turn, both reach the reader's connection in one chunk.
	throwOnce = true;
	await Promise.all([append('first. '), append('second.')]);
	await waitFor(() => follower.text().endsWith('first. second.'), 'the second append');
	writer.awareness.publish(roomId, new Uint8Array([1]));
	writer.awareness.publish(roomId, new Uint8Array([2]));
	await waitFor(() => awareness.includes(2), 'the second awareness update');
	restoreLog();
	const failures = lines
		.map((line) => JSON.parse(line) as { level: number; docId?: string; roomId?: string })
		.filter((line) => line.level === 50);
	expect(failures.map(({ docId, roomId }) => docId ?? roomId)).toEqual([roomId, roomId]);
	expect(lines.join('\n')).not.toContain('first.');
	await writer.close();
	await reader.close();
});

test('Redis: live entries held back past the limit make the follower reload the document', async () => {
	const writer = await redisInstance('writer');
	let release = () => {};
	const stuck: ReadLog = async () => {
		await new Promise<void>((resolve) => (release = resolve));
		return { entries: [], cursor: undefined };
	};
	const reader = await redisInstance('reader', client, { readLog: stuck });
	const { roomId, append } = await roomOf(writer);
	const follower = heard();
	reader.follower.subscribe(roomId, undefined, follower.deliver);
	await waitFor(async () => (await subscribers(feedChannel(roomId))) === 1, 'the subscription');
	const appends = Array.from({ length: MAX_WAITING + 1 }, (_, n) =>
		append(n === MAX_WAITING ? 'last.' : '.')
	);
	await Promise.all(appends);
	await waitFor(() => follower.text().endsWith('last.'), 'the reload', 20_000);
	expect(follower.entries.every((e) => e.origin === 'reloaded')).toBe(true);
	release();
	await writer.close();
	await reader.close();
});

test('Redis: published while Redis is unreachable, awareness is dropped rather than sent stale', async () => {
	const proxy = await cuttingProxy(redis.url);
	const other = await redisInstance('other');
	const cutOff = await redisInstance('cut-off', proxy.client);
	const roomId = 'fanoutstaleawareness00';
	const heardThere: number[] = [];
	other.awareness.follow(roomId, (update) => heardThere.push(update[0] ?? 0));
	await waitFor(() => {
		cutOff.awareness.publish(roomId, new Uint8Array([1]));
		return heardThere.length > 0;
	}, 'awareness across');
	proxy.outage();
	await waitFor(() => !proxy.client.isReady, 'the connection to drop');
	cutOff.awareness.publish(roomId, new Uint8Array([2]));
	proxy.restore();
	await waitFor(() => {
		cutOff.awareness.publish(roomId, new Uint8Array([3]));
		return heardThere.includes(3);
	}, 'awareness after the outage');
	expect(heardThere).not.toContain(2);
	await other.close();
	await cutOff.close();
	await proxy.close();
});

test('Redis: unfollowing leaves no subscription behind, even when the UNSUBSCRIBE is lost', async () => {
	const proxy = await cuttingProxy(redis.url);
	const leaving = await redisInstance('leaving', proxy.client);
	const [doc, room, kept] = [
		'fanoutleaving000000000',
		'fanoutleaving000000001',
		'fanoutkept000000000000'
	];
	const channels = { doc: feedChannel(doc), room: awarenessChannel(room), kept: feedChannel(kept) };
	const stopDoc = leaving.follower.subscribe(doc, undefined, () => {});
	const stopRoom = leaving.awareness.follow(room, () => {});
	leaving.follower.subscribe(kept, undefined, () => {});
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
	await leaving.close();
	await proxy.close();
});

test('Redis: unfollowing a document and a room unsubscribes their channels', async () => {
	const leaving = await redisInstance('leaving');
	const roomId = 'fanoutunfollow00000000';
	const stops = [
		leaving.follower.subscribe(roomId, undefined, () => {}),
		leaving.awareness.follow(roomId, () => {})
	];
	const channels = [feedChannel(roomId), awarenessChannel(roomId)];
	const counts = async () => Promise.all(channels.map(subscribers));
	await waitFor(async () => (await counts()).every((n) => n === 1), 'the subscriptions');
	for (const stop of stops) stop();
	await waitFor(async () => (await counts()).every((n) => n === 0), 'no subscription left');
	await leaving.close();
});
