import type { DeliverEntries, LogEntry, ReadBack } from '../storage/document-log';
import { guarded, type AwarenessFeed, type DeliverAwareness } from './awareness-feed';
import { FeedOrder } from './feed-order';

/**
 * The instances of one process and what they hear of each other: the embedded deployment has
 * one, the contract tests two. A stored append reaches the document's subscribers at once.
 */
export class LocalHub {
	readonly #docs = new Map<string, Set<FeedOrder>>();
	readonly #awareness = new Map<string, Set<{ instanceId: string; deliver: DeliverAwareness }>>();

	/** Hands an entry just stored at `cursor` to every subscriber of the document. */
	appended(docId: string, entry: LogEntry, cursor: string): void {
		// In one process an entry cannot wait long enough to overflow the queue (see subscribe).
		for (const order of this.#docs.get(docId) ?? []) order.live(entry, cursor);
	}

	/**
	 * Delivers the document's entries after `cursor`: first `missed` (read by the caller just
	 * now, so a read that fails fails the subscription), at the end of this turn of the event
	 * loop rather than inside the caller's call; live entries wait for them.
	 */
	subscribe(docId: string, missed: ReadBack, cursor: string | undefined, deliver: DeliverEntries) {
		const order = new FeedOrder(cursor, guarded(deliver, { docId }));
		const stop = add(this.#docs, docId, order);
		let subscribed = true;
		queueMicrotask(() => {
			if (subscribed) order.caughtUp(missed.entries, missed.cursor);
		});
		return () => {
			subscribed = false;
			stop();
		};
	}

	/** Awareness between the instances of this process, as `instanceId` sends and hears it. */
	awareness(instanceId: string): AwarenessFeed {
		return {
			publish: (roomId, update) => {
				for (const follower of this.#awareness.get(roomId) ?? []) {
					if (follower.instanceId !== instanceId) follower.deliver(update);
				}
			},
			follow: (roomId, deliver) =>
				add(this.#awareness, roomId, { instanceId, deliver: guarded(deliver, { roomId }) }),
			heard: (roomId) => {
				for (const follower of this.#awareness.get(roomId) ?? []) {
					if (follower.instanceId !== instanceId) return true;
				}
				return false;
			}
		};
	}
}

/** The subscriptions one instance's log made on a hub, all stopped when that log closes. */
export class HubSubscriptions {
	readonly #stops = new Set<() => void>();

	/** Keeps `stop` until it is called or {@link stopAll}; answers the function that calls it. */
	add(stop: () => void): () => void {
		const unsubscribe = () => {
			this.#stops.delete(unsubscribe);
			stop();
		};
		this.#stops.add(unsubscribe);
		return unsubscribe;
	}

	stopAll(): void {
		for (const stop of [...this.#stops]) stop();
	}
}

/** Adds `member` to the set under `key`; answers the function that removes it again. */
function add<T>(sets: Map<string, Set<T>>, key: string, member: T): () => void {
	let set = sets.get(key);
	if (!set) sets.set(key, (set = new Set()));
	set.add(member);
	return () => {
		set.delete(member);
		if (set.size === 0 && sets.get(key) === set) sets.delete(key);
	};
}
