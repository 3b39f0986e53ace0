import { log } from '../log';
import { feedChannel } from '../redis/keys';
import type { Listener, RedisSubscriber } from '../redis/subscriber';
import {
	READ_BACK,
	type DeliverEntries,
	type ReadBack,
	type StoredDoc
} from '../storage/document-log';
import { guarded } from './awareness-feed';
import { FeedOrder, MAX_WAITING } from './feed-order';

const NEWLINE = 0x0a;
/** A failed read of a followed document is tried again after this, doubling up to the maximum. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2_000;

/** Reads the entries of `docId`'s log after `after` (all of them when undefined). */
export type ReadLog = (docId: string, after: string | undefined) => Promise<ReadBack>;

/** How a follower reads what its feed may have missed (tests slow these down or fail them). */
export interface LogReads {
	/** The log after the position delivered: the catch-up after subscribing. */
	readLog: ReadLog;
	/** The whole stored document again: after a lost connection, or a catch-up too slow. */
	load(docId: string): Promise<StoredDoc>;
}

/** Splits `a\nb\n…\nrest` into its first `count` fields and the bytes after them. */
export function fields(
	message: Buffer,
	count: number
): { head: string[]; rest: Uint8Array } | undefined {
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
 * The subscribing half of the Redis document log. Appends reach it from the log's append
 * script, which adds the update to the document's stream and publishes it on the document's
 * channel (`d\n<origin>\n<id>\n<update>`) in one step; this side subscribes to the channels of
 * the documents the instance has loaded. Pub/sub loses what is sent while a subscriber is
 * disconnected, so the stream is the source of truth: after subscribing, the log after the
 * subscriber's position is read, and after a lost connection the whole stored document is read
 * again. A failed read is tried again until it works or the document is no longer followed.
 */
export function redisLogFollower(subscriber: RedisSubscriber, reads: LogReads) {
	const docs = new Map<string, Followed>();
	let closed = false;

	const reloadDoc = async (docId: string): Promise<ReadBack> => {
		const stored = await reads.load(docId);
		const entries = stored.updates.map((update) => ({ update, origin: READ_BACK }));
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
			await subscriber.subscribe(feedChannel(docId), followed.listener);
			return what === 'reload' ? reloadDoc(docId) : reads.readLog(docId, followed.order.cursor);
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

	subscriber.onOutage({
		// Pub/sub loses what is published until the subscriber is back, which no read running now
		// covers: live entries wait for the reload once back, and running reads are dropped.
		lost: () => {
			for (const followed of docs.values()) {
				followed.read++;
				clearTimeout(followed.retry);
				followed.retry = undefined;
				followed.order.hold();
			}
		},
		back: () => {
			log.redis.info({ documents: docs.size }, 'feeds reconnected; reloading followed documents');
			for (const [docId, followed] of docs) read(docId, followed, 'reload');
		}
	});

	return {
		/** See `DocumentLog.subscribe`. */
		subscribe(docId: string, cursor: string | undefined, deliver: DeliverEntries): () => void {
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
				subscriber.unsubscribe(feedChannel(docId), followed.listener);
			};
		},
		/** Stops every subscription (the connection is closed by its owner). */
		close(): void {
			closed = true;
			for (const followed of docs.values()) clearTimeout(followed.retry);
			docs.clear();
		}
	};
}
