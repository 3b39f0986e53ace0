import type { RoomMeta } from '../../src/lib/protocol/http';
import type { AwarenessFeed } from '../fanout/awareness-feed';
import { HubSubscriptions, LocalHub } from '../fanout/local-hub';
import {
	READ_BACK,
	roomDocIds,
	roomOfDoc,
	type DocumentLog,
	type ReadBack,
	type StoredDoc
} from './document-log';
import type { RoomStore } from './room-store';

interface MemoryDoc {
	snapshot: Uint8Array | undefined;
	log: { seq: number; update: Uint8Array }[];
}

/**
 * Rooms and their documents in memory, for tests of what uses them: a fake that passes the same
 * contract as SQLite and Redis (tests/integration/document-log.contract.ts), with any number of
 * instances on it. Positions are sequence numbers, as in SQLite.
 */
export class MemoryStorage {
	readonly #rooms = new Map<string, { meta: RoomMeta; lastActive: number }>();
	readonly #docs = new Map<string, MemoryDoc>();
	readonly #hub = new LocalHub();
	readonly #now: () => number;
	#seq = 0;
	readonly rooms: RoomStore;

	constructor(now: () => number = () => Date.now()) {
		this.#now = now;
		this.rooms = {
			// No wake index in memory: a first wake has nowhere to go.
			createRoom: async (meta, initialUpdate) => {
				if (this.#rooms.has(meta.id)) throw new Error(`room ${meta.id} exists already`);
				this.#rooms.set(meta.id, { meta, lastActive: this.#now() });
				this.#docs.set(meta.id, { snapshot: initialUpdate, log: [] });
			},
			getRoom: async (roomId) => this.#rooms.get(roomId)?.meta,
			touch: async (roomId) => this.#touch(roomId),
			deleteRoom: async (roomId) => {
				for (const docId of roomDocIds(roomId)) this.#docs.delete(docId);
				this.#rooms.delete(roomId);
			},
			expiredRooms: async (before, limit) =>
				[...this.#rooms.values()]
					.filter(({ lastActive }) => lastActive < before)
					.sort((a, b) => a.lastActive - b.lastActive)
					.slice(0, limit)
					.map(({ meta }) => meta.id)
		};
	}

	/** The log as instance `instanceId` uses it. */
	log(instanceId = 'memory'): DocumentLog {
		const subscriptions = new HubSubscriptions();
		return {
			instanceId,
			append: async (docId, update) => {
				if (!this.#rooms.has(roomOfDoc(docId))) return undefined;
				const doc = this.#doc(docId);
				const seq = ++this.#seq;
				doc.log.push({ seq, update });
				this.#touch(roomOfDoc(docId));
				this.#hub.appended(docId, { update, origin: instanceId }, String(seq));
				return String(seq);
			},
			load: async (docId): Promise<StoredDoc> => {
				const { entries, cursor } = this.#readAfter(docId, undefined);
				const snapshot = this.#docs.get(docId)?.snapshot;
				const updates = entries.map((entry) => entry.update);
				return { updates: snapshot ? [snapshot, ...updates] : updates, cursor };
			},
			subscribe: (docId, cursor, deliver) =>
				subscriptions.add(
					this.#hub.subscribe(docId, this.#readAfter(docId, cursor), cursor, deliver)
				),
			compact: async (docId, snapshot, cursor) => {
				if (!this.#rooms.has(roomOfDoc(docId))) return false;
				const doc = this.#doc(docId);
				doc.snapshot = snapshot;
				doc.log = doc.log.filter(({ seq }) => seq > Number(cursor));
				return true;
			},
			lastPosition: async (docId) => {
				const last = this.#docs.get(docId)?.log.at(-1);
				return last === undefined ? undefined : String(last.seq);
			},
			close: async () => subscriptions.stopAll()
		};
	}

	/** Awareness as instance `instanceId` sends and hears it. */
	awareness(instanceId = 'memory'): AwarenessFeed {
		return this.#hub.awareness(instanceId);
	}

	#doc(docId: string): MemoryDoc {
		let doc = this.#docs.get(docId);
		if (!doc) this.#docs.set(docId, (doc = { snapshot: undefined, log: [] }));
		return doc;
	}

	#touch(roomId: string): void {
		const room = this.#rooms.get(roomId);
		if (room) room.lastActive = this.#now();
	}

	#readAfter(docId: string, after: string | undefined): ReadBack {
		const entries = (this.#docs.get(docId)?.log ?? []).filter(
			({ seq }) => after === undefined || seq > Number(after)
		);
		return {
			entries: entries.map(({ update }) => ({ update, origin: READ_BACK })),
			cursor: entries.at(-1) === undefined ? undefined : String(entries.at(-1)?.seq)
		};
	}
}
