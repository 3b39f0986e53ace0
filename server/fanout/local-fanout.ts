import type { DocStore } from '../storage/doc-store';
import { guarded, type DeliverAwareness, type DeliverEntries, type Fanout } from './fanout';

/**
 * The instances of one process and the store they share: the embedded deployment has one, the
 * fan-out contract tests two.
 */
export class LocalFanoutHub {
	readonly #docs = new Map<string, Set<{ deliver: DeliverEntries }>>();
	readonly #awareness = new Map<string, Set<{ instanceId: string; deliver: DeliverAwareness }>>();

	/**
	 * An instance on `store`: its fan-out, and the store it must append through so that its
	 * appends reach the followers.
	 */
	instance(instanceId: string, store: DocStore): { store: DocStore; fanout: Fanout } {
		return {
			store: {
				...store,
				appendUpdate: async (docId, update, fence) => {
					const cursor = await store.appendUpdate(docId, update, fence);
					if (cursor !== undefined) this.#deliver(docId, update, instanceId, cursor);
					return cursor;
				}
			},
			fanout: {
				instanceId,
				// In one process nothing is appended between the load and the follow.
				follow: (docId, _cursor, deliver) =>
					this.#add(this.#docs, docId, { deliver: guarded(deliver, { docId }) }),
				publishAwareness: (roomId, update) => {
					for (const follower of this.#awareness.get(roomId) ?? []) {
						if (follower.instanceId !== instanceId) follower.deliver(update);
					}
				},
				followAwareness: (roomId, deliver) =>
					this.#add(this.#awareness, roomId, {
						instanceId,
						deliver: guarded(deliver, { roomId })
					}),
				close: async () => {}
			}
		};
	}

	#deliver(docId: string, update: Uint8Array, origin: string, cursor: string): void {
		for (const { deliver } of this.#docs.get(docId) ?? []) deliver([{ update, origin }], cursor);
	}

	#add<T>(followers: Map<string, Set<T>>, key: string, follower: T): () => void {
		let set = followers.get(key);
		if (!set) followers.set(key, (set = new Set()));
		set.add(follower);
		return () => {
			set.delete(follower);
			if (set.size === 0 && followers.get(key) === set) followers.delete(key);
		};
	}
}

/** The embedded deployment: one instance, whose fan-out only tells each room how far its log goes. */
export const singleInstance = (store: DocStore) => new LocalFanoutHub().instance('local', store);
