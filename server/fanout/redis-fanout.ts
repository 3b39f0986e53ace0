import { log } from '../log';
import { binaryView, type RedisClient } from '../redis/connect';
import type { DocStore } from '../storage/doc-store';
import { docKeys, feedChannel, logEntries } from '../storage/redis-doc-store';
import {
	isAfter,
	RELOADED,
	type DeliverAwareness,
	type DeliverEntries,
	type Fanout,
	type FanoutEntry
} from './fanout';

const awarenessChannel = (roomId: string) => `pr:room:{${roomId}}:awareness`;
const NEWLINE = 0x0a;

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
	deliver: DeliverEntries;
	/** Position of the last entry delivered. */
	cursor: string | undefined;
	/** While the log is read to catch up, live entries wait here so that order is kept. */
	waiting: { entry: FanoutEntry; id: string }[] | undefined;
}

/**
 * The fan-out through Redis. Appends reach it from the store's append script, which adds the
 * update to the document's stream and publishes it on the document's channel in one step; this
 * side subscribes to the channels of the documents the instance has loaded. Pub/sub loses what
 * is sent while a subscriber is disconnected, so the stream is the source of truth: after
 * subscribing, the log after the follower's position is read, and after a lost connection the
 * whole stored document is read again.
 */
export async function createRedisFanout(
	client: RedisClient,
	store: Pick<DocStore, 'loadDoc'>,
	instanceId: string
): Promise<Fanout> {
	const binary = binaryView(client);
	const subscriber = client.duplicate();
	subscriber.on('error', () => {
		// The main connection logs Redis errors; the same outage would be logged twice.
	});
	const docs = new Map<string, Followed>();
	let closed = false;

	const deliverLive = (docId: string, entry: FanoutEntry, id: string) => {
		const followed = docs.get(docId);
		if (!followed) return;
		if (followed.waiting) followed.waiting.push({ entry, id });
		else if (isAfter(id, followed.cursor)) {
			followed.cursor = id;
			followed.deliver([entry], id);
		}
	};

	/** Delivers what was read, then the live entries that came meanwhile and are newer. */
	const finishCatchUp = (
		docId: string,
		followed: Followed,
		entries: FanoutEntry[],
		cursor: string | undefined
	) => {
		if (docs.get(docId) !== followed) return;
		const waiting = followed.waiting ?? [];
		followed.waiting = undefined;
		if (cursor !== undefined && isAfter(cursor, followed.cursor)) followed.cursor = cursor;
		if (entries.length > 0) followed.deliver(entries, followed.cursor);
		for (const { entry, id } of waiting) deliverLive(docId, entry, id);
	};

	const catchUp = async (docId: string, followed: Followed) => {
		const after = followed.cursor;
		const entries = logEntries(
			(await binary.xRange(
				docKeys(docId).log,
				after === undefined ? '-' : `(${after}`,
				'+'
			)) as Parameters<typeof logEntries>[0]
		);
		finishCatchUp(docId, followed, entries, entries.at(-1)?.id);
	};

	const reload = async (docId: string, followed: Followed) => {
		const stored = await store.loadDoc(docId);
		finishCatchUp(
			docId,
			followed,
			stored.updates.map((update) => ({ update, origin: RELOADED })),
			stored.cursor
		);
	};

	subscriber.on('reconnecting', () => {
		for (const followed of docs.values()) followed.waiting ??= [];
	});
	let ready = false;
	subscriber.on('ready', () => {
		if (!ready) {
			ready = true;
			return;
		}
		// Back after an outage: whatever was published meanwhile was lost to this subscriber.
		log.redis.info({ documents: docs.size }, 'fan-out reconnected; reloading followed documents');
		for (const [docId, followed] of docs) {
			reload(docId, followed).catch((error: unknown) =>
				log.redis.error({ docId, err: error }, 'reloading a document after an outage failed')
			);
		}
	});
	await subscriber.connect();

	const onDocMessage = (docId: string) => (message: Buffer) => {
		const parsed = fields(message, 3);
		if (!parsed || parsed.head[0] !== 'd') return;
		const [, origin = '', id = ''] = parsed.head;
		deliverLive(docId, { update: parsed.rest, origin }, id);
	};

	return {
		instanceId,
		follow(docId, cursor, deliver) {
			if (docs.has(docId)) throw new Error(`document ${docId} is followed already`);
			const followed: Followed = { deliver, cursor, waiting: [] };
			docs.set(docId, followed);
			const listener = onDocMessage(docId);
			subscriber
				.subscribe(feedChannel(docId), listener, true)
				.then(() => catchUp(docId, followed))
				.catch((error: unknown) => {
					log.redis.error({ docId, err: error }, 'following a document failed');
				});
			return () => {
				if (docs.get(docId) === followed) docs.delete(docId);
				if (!closed)
					void subscriber.unsubscribe(feedChannel(docId), listener, true).catch(() => {});
			};
		},
		publishAwareness(roomId, update) {
			client
				.publish(
					awarenessChannel(roomId),
					Buffer.concat([Buffer.from(`${instanceId}\n`, 'latin1'), update])
				)
				.catch((error: unknown) => log.redis.debug({ err: error }, 'awareness not sent'));
		},
		followAwareness(roomId, deliver: DeliverAwareness) {
			const listener = (message: Buffer) => {
				const parsed = fields(message, 1);
				if (parsed && parsed.head[0] !== instanceId) deliver(parsed.rest);
			};
			subscriber.subscribe(awarenessChannel(roomId), listener, true).catch(() => {});
			return () => {
				if (!closed)
					void subscriber.unsubscribe(awarenessChannel(roomId), listener, true).catch(() => {});
			};
		},
		async close() {
			closed = true;
			docs.clear();
			subscriber.destroy();
		}
	};
}
