import { log } from '../log';
import { binaryView, type RedisClient } from '../redis/connect';
import type { DocStore } from '../storage/doc-store';
import { awarenessChannel, docKeys, feedChannel } from '../redis/keys';
import { logEntries } from '../storage/redis-doc-store';
import {
	RELOADED,
	type DeliverAwareness,
	type DeliverEntries,
	type Fanout,
	type FanoutEntry,
	guarded
} from './fanout';
import { FeedOrder, MAX_WAITING } from './feed-order';

const NEWLINE = 0x0a;
/** A failed read of a followed document is tried again after this, doubling up to the maximum. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2_000;

type Listener = (message: Buffer) => void;

/** Entries a read found, and the log position they go up to. */
interface Found {
	entries: FanoutEntry[];
	cursor: string | undefined;
}

/** Reads the entries of `docId`'s log after `after` (all of them when undefined). */
export type ReadLog = (docId: string, after: string | undefined) => Promise<Found>;

/** {@link ReadLog} on the document's Redis stream (`XRANGE`). */
export function redisLogReader(client: RedisClient): ReadLog {
	const binary = binaryView(client);
	return async (docId, after) => {
		const entries = logEntries(
			await binary.xRange(docKeys(docId).log, after === undefined ? '-' : `(${after}`, '+')
		);
		return { entries, cursor: entries.at(-1)?.id };
	};
}

/** Splits `a\nb\n…\nrest` into its first `count` fields and the bytes after them. */
function fields(message: Buffer, count: number): { head: string[]; rest: Uint8Array } | undefined {
	const head: string[] = [];
	let start = 0;
	for (let i = 0; i < count; i++) {
		const end = message.indexOf(NEWLINE, start);
		if (end === -1) return undefined;
		head.push(message.toString('latin1', start, end));
		start = end + 1;
	}
	return { head, rest: new Uint8Array(message.subarray(start)) };
}

interface Followed {
	readonly order: FeedOrder;
	/** The feed's listener, subscribed again whenever the connection comes back. */
	readonly listener: Listener;
	/** Counts the reads asked for: only the latest one's result is delivered. */
	read: number;
	retry: ReturnType<typeof setTimeout> | undefined;
	retryMs: number;
}

/**
 * The fan-out through Redis. Appends reach it from the store's append script, which adds the
 * update to the document's stream and publishes it on the document's channel in one step; this
 * side subscribes to the channels of the documents the instance has loaded. Pub/sub loses what
 * is sent while a subscriber is disconnected, so the stream is the source of truth: after
 * subscribing, the log after the follower's position is read, and after a lost connection the
 * whole stored document is read again. A failed read is tried again until it works or the
 * document is no longer followed.
 *
 * `readLog` reads the log for the catch-up after subscribing (tests slow it down or fail it).
 */
export async function createRedisFanout(
	client: RedisClient,
	store: Pick<DocStore, 'loadDoc'>,
	instanceId: string,
	readLog: ReadLog = redisLogReader(client)
): Promise<Fanout> {
	const subscriber = client.duplicate();
	subscriber.on('error', () => {
		// The main connection logs Redis errors; the same outage would be logged twice.
	});
	const docs = new Map<string, Followed>();
	const rooms = new Set<{ channel: string; listener: Listener }>();
	/** Listeners whose UNSUBSCRIBE was lost with the connection: sent again once connected. */
	const leftOver = new Set<{ channel: string; listener: Listener }>();
	let closed = false;

	const reloadDoc = async (docId: string): Promise<Found> => {
		const stored = await store.loadDoc(docId);
		const entries = stored.updates.map((update) => ({ update, origin: RELOADED }));
		return { entries, cursor: stored.cursor };
	};

	/**
	 * Holds live entries back, makes sure the feed is subscribed (node-redis answers at once when
	 * it is), then reads what the feed may have missed: the log after the position delivered, or
	 * the whole stored document. A newer read replaces this one; a failed one is tried again.
	 */
	const read = (docId: string, followed: Followed, what: 'catch-up' | 'reload'): void => {
		clearTimeout(followed.retry);
		followed.retry = undefined;
		const attempt = ++followed.read;
		const current = () => !closed && docs.get(docId) === followed && followed.read === attempt;
		followed.order.hold();
		const reading = async () => {
			await subscriber.subscribe(feedChannel(docId), followed.listener, true);
			return what === 'reload' ? reloadDoc(docId) : readLog(docId, followed.order.cursor);
		};
		reading().then(
			(found) => {
				if (!current()) return;
				followed.retryMs = RETRY_FIRST_MS;
				followed.order.caughtUp(found.entries, found.cursor);
			},
			(error: unknown) => {
				if (!current()) return;
				// Once per run of failures: during an outage the retries would fill the log.
				const level = followed.retryMs === RETRY_FIRST_MS ? 'warn' : 'debug';
				log.redis[level]({ docId, err: error, what }, 'reading a followed document failed');
				followed.retry = setTimeout(() => read(docId, followed, what), followed.retryMs);
				followed.retryMs = Math.min(followed.retryMs * 2, RETRY_MAX_MS);
			}
		);
	};

	const unsubscribe = (channel: string, listener: Listener) => {
		if (closed) return;
		subscriber.unsubscribe(channel, listener, true).catch(() => {
			// The connection dropped with it in flight: node-redis keeps the listener and subscribes
			// its channel again on every reconnect, unless it is sent again.
			leftOver.add({ channel, listener });
		});
	};

	subscriber.on('reconnecting', () => {
		// Pub/sub loses what is published until the subscriber is back, which no read running now
		// covers: live entries wait for the reload after 'ready', and running reads are dropped.
		for (const followed of docs.values()) {
			followed.read++;
			clearTimeout(followed.retry);
			followed.retry = undefined;
			followed.order.hold();
		}
	});
	let connectedBefore = false;
	subscriber.on('ready', () => {
		if (!connectedBefore) {
			connectedBefore = true;
			return;
		}
		// Back after an outage: whatever was published meanwhile was lost to this subscriber.
		log.redis.info({ documents: docs.size }, 'fan-out reconnected; reloading followed documents');
		const again = [...leftOver];
		leftOver.clear();
		for (const { channel, listener } of again) unsubscribe(channel, listener);
		// node-redis subscribes again only the channels whose SUBSCRIBE it saw answered: one in
		// flight when the connection dropped is missing (a failure here is retried next 'ready').
		for (const { channel, listener } of rooms) {
			subscriber.subscribe(channel, listener, true).catch(() => {});
		}
		for (const [docId, followed] of docs) read(docId, followed, 'reload');
	});
	await subscriber.connect();

	return {
		instanceId,
		follow(docId, cursor, deliver: DeliverEntries) {
			if (docs.has(docId)) throw new Error(`document ${docId} is followed already`);
			const followed: Followed = {
				order: new FeedOrder(cursor, guarded(deliver, { docId })),
				listener: (message) => {
					// A listener node-redis kept after a failed UNSUBSCRIBE has nothing to deliver to.
					if (docs.get(docId) !== followed) return;
					const parsed = fields(message, 3);
					if (!parsed || parsed.head[0] !== 'd') return;
					const [, origin = '', id = ''] = parsed.head;
					if (followed.order.live({ update: parsed.rest, origin }, id)) return;
					log.redis.warn({ docId, waiting: MAX_WAITING }, 'a read took too long; reloading');
					read(docId, followed, 'reload');
				},
				read: 0,
				retry: undefined,
				retryMs: RETRY_FIRST_MS
			};
			docs.set(docId, followed);
			read(docId, followed, 'catch-up');
			return () => {
				if (docs.get(docId) !== followed) return;
				docs.delete(docId);
				clearTimeout(followed.retry);
				unsubscribe(feedChannel(docId), followed.listener);
			};
		},
		publishAwareness(roomId, update) {
			// Queued while disconnected, it would reach the others stale once Redis is back. Clients
			// renew their state every 15 s, so the current one follows soon after.
			if (!client.isReady) return;
			client
				.publish(
					awarenessChannel(roomId),
					Buffer.concat([Buffer.from(`${instanceId}\n`, 'latin1'), update])
				)
				.catch((error: unknown) => log.redis.debug({ err: error }, 'awareness not sent'));
		},
		followAwareness(roomId, deliver: DeliverAwareness) {
			const safeDeliver = guarded(deliver, { roomId });
			const room = {
				channel: awarenessChannel(roomId),
				listener: (message: Buffer) => {
					if (!rooms.has(room)) return;
					const parsed = fields(message, 1);
					if (parsed && parsed.head[0] !== instanceId) safeDeliver(parsed.rest);
				}
			};
			rooms.add(room);
			subscriber.subscribe(room.channel, room.listener, true).catch(() => {
				// The connection dropped with it in flight: 'ready' subscribes it again.
			});
			return () => {
				if (!rooms.delete(room)) return;
				unsubscribe(room.channel, room.listener);
			};
		},
		async close() {
			closed = true;
			for (const followed of docs.values()) clearTimeout(followed.retry);
			docs.clear();
			rooms.clear();
			leftOver.clear();
			subscriber.destroy();
		}
	};
}
