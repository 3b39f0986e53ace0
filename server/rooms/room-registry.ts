import type { Playbook } from '../../src/lib/protocol/playbook';
import { log } from '../log';
import type { RoomMetrics } from '../metrics';
import type { AwarenessFeed } from '../fanout/awareness-feed';
import type { DocumentLog } from '../storage/document-log';
import type { RoomStore } from '../storage/room-store';
import { LoadedRoom } from './loaded-room';
import { StoredRooms } from './stored-rooms';
import type { RoomLock } from './room-lock';

/** A hold on a loaded room: the room stays in memory until every lease is released. */
export interface RoomLease {
	room: LoadedRoom;
	release(): void;
}

interface Entry {
	loading: Promise<LoadedRoom | undefined>;
	/** The room, once loaded. */
	room?: LoadedRoom;
	leases: number;
	unloadTimer?: ReturnType<typeof setTimeout>;
	/**
	 * Set while the room is being stored and dropped, or erased; a new lease waits for it, then
	 * loads the room again (or finds it gone).
	 */
	closing?: Promise<void>;
}

export interface RoomRegistryOptions {
	/** How long a room with no connection stays in memory, in case someone comes straight back. */
	unloadGraceMs: number;
	findPlaybook(id: string): Promise<Playbook | undefined>;
	/** The rooms' documents, and how loaded rooms hear the other instances' changes. */
	log: DocumentLog;
	/** How loaded rooms hear the other instances' awareness. */
	awareness: AwarenessFeed;
	/** How long a room collects changes before storing them as one entry (RoomIo). */
	storeWithinMs: number;
	/** Decisions on a room's control state one at a time across instances (RoomIo). */
	lock: RoomLock;
	/** Counts what the rooms relay and the storage failures. */
	metrics?: RoomMetrics;
}

/** Expired rooms deleted per call of `deleteExpired`. */
const EXPIRED_PER_SWEEP = 100;

/**
 * Stored rooms (./stored-rooms.ts), each kept in memory while someone is connected to it (plus a
 * grace period), loaded once however many connections arrive at the same time. A room is never
 * loaded again before its previous copy has finished storing everything. Erasing and expiry
 * delete rooms through it, so that no copy in memory is stored again after the delete.
 */
export class RoomRegistry extends StoredRooms {
	readonly #entries = new Map<string, Entry>();
	/** Rooms whose erasing failed (storage unreachable): `deleteExpired` tries them again. */
	readonly #eraseFailed = new Set<string>();
	readonly #loadedListeners = new Set<(room: LoadedRoom) => void>();

	constructor(
		private readonly store: RoomStore,
		private readonly options: RoomRegistryOptions
	) {
		super({ store, log: options.log, findPlaybook: options.findPlaybook });
	}

	/** Number of rooms in memory now. */
	get loadedCount(): number {
		return this.#entries.size;
	}

	/** Number of open document connections to the rooms in memory. */
	get documentConnectionCount(): number {
		let count = 0;
		for (const entry of this.#entries.values()) count += entry.room?.connections.size ?? 0;
		return count;
	}

	/**
	 * Runs `use` with the room held, and lets go when it returns, unless `use` keeps the hold
	 * (`keep` answers the lease to hand on, as a join does to its membership); answers `missing`
	 * when there is no such room.
	 */
	async holding<T>(
		roomId: string,
		missing: T,
		use: (lease: RoomLease, keep: () => RoomLease) => Promise<T>
	): Promise<T> {
		const lease = await this.acquire(roomId);
		if (!lease) return missing;
		let kept = false;
		try {
			return await use(lease, () => {
				kept = true;
				return lease;
			});
		} finally {
			if (!kept) lease.release();
		}
	}

	/**
	 * Loads the room if needed and holds it; undefined when no such room exists. Opening a room
	 * (a join, a document connection) is activity: its retention starts again.
	 */
	async acquire(roomId: string): Promise<RoomLease | undefined> {
		let entry = this.#entries.get(roomId);
		if (entry?.closing) {
			await entry.closing;
			return this.acquire(roomId);
		}
		if (!entry) {
			entry = { loading: this.#load(roomId), leases: 0 };
			this.#entries.set(roomId, entry);
		}
		clearTimeout(entry.unloadTimer);
		entry.leases++;
		let room: LoadedRoom | undefined;
		try {
			room = await entry.loading;
		} catch (error) {
			// A failed load is not cached: the next connection tries again.
			if (this.#entries.get(roomId) === entry) this.#entries.delete(roomId);
			throw error;
		}
		if (!room) {
			// No such room: forget the lookup at once rather than holding it for the grace period.
			entry.leases--;
			if (entry.leases === 0 && this.#entries.get(roomId) === entry) this.#entries.delete(roomId);
			return undefined;
		}
		entry.room = room;
		// Not awaited: a store that cannot record the activity now (Redis away, its commands
		// queued) keeps nobody out of a room already in memory.
		this.store.touch(roomId).catch((error: unknown) => {
			log.rooms.warn({ roomId, err: error }, 'recording activity failed');
			this.options.metrics?.error('storage');
		});
		if (entry.closing) {
			// Erased meanwhile: wait until it is gone, then find out.
			entry.leases--;
			return this.acquire(roomId);
		}
		let released = false;
		return {
			room,
			release: () => {
				if (released) return;
				released = true;
				this.#releaseEntry(roomId, entry);
			}
		};
	}

	async #load(roomId: string): Promise<LoadedRoom | undefined> {
		const meta = await this.store.getRoom(roomId);
		if (!meta) return undefined;
		const playbook = await this.playbookOf(meta);
		if (!playbook) {
			log.rooms.error({ roomId, playbookId: meta.playbookId }, 'the room’s playbook is missing');
			this.options.metrics?.error('storage');
			return undefined;
		}
		const { log: documents, awareness, storeWithinMs, lock, metrics } = this.options;
		const io = { log: documents, awareness, storeWithinMs, lock, metrics };
		const room = await LoadedRoom.load(io, meta, playbook);
		for (const listener of this.#loadedListeners) listener(room);
		return room;
	}

	/**
	 * Calls `listener` with each room as it loads (the deadline clock arms itself from it, also
	 * after a restart); answers the function that stops the calls.
	 */
	onLoaded(listener: (room: LoadedRoom) => void): () => void {
		this.#loadedListeners.add(listener);
		return () => this.#loadedListeners.delete(listener);
	}

	#releaseEntry(roomId: string, entry: Entry): void {
		entry.leases--;
		if (entry.leases > 0) return;
		entry.unloadTimer = setTimeout(() => this.#unload(roomId, entry), this.options.unloadGraceMs);
		entry.unloadTimer.unref();
	}

	/** Stores the room and drops it; until that is done, new leases wait (see `acquire`). */
	#unload(roomId: string, entry: Entry): void {
		if (entry.leases > 0 || this.#entries.get(roomId) !== entry || entry.closing) return;
		entry.closing = (async () => {
			const room = await entry.loading.catch(() => undefined);
			await room?.close();
		})()
			.then(
				() => log.rooms.debug({ roomId }, 'room stored and unloaded'),
				(error: unknown) => {
					log.rooms.error({ roomId, err: error }, 'storing and unloading the room failed');
					this.options.metrics?.error('storage');
				}
			)
			.finally(() => {
				if (this.#entries.get(roomId) === entry) this.#entries.delete(roomId);
			});
	}

	/**
	 * Erases a room now: its copy in memory closes its document connections and is dropped
	 * without being stored, then the room, its sealed values and its clips are deleted. New
	 * leases wait meanwhile, then find no room. If the store fails, the next sweep tries again.
	 */
	async erase(roomId: string): Promise<void> {
		const entry = this.#entries.get(roomId);
		if (entry?.closing) {
			// Being stored and dropped, or erased already: erase whatever is there once that is done.
			await entry.closing;
			return this.erase(roomId);
		}
		try {
			await this.#delete(roomId, entry);
			this.#eraseFailed.delete(roomId);
			log.rooms.info({ roomId }, 'room erased');
		} catch (error) {
			this.#eraseFailed.add(roomId);
			throw error;
		}
	}

	/** Drops the room from memory unstored, if it is there, and deletes it from the store. */
	#delete(roomId: string, loaded: Entry | undefined): Promise<void> {
		const entry: Entry = loaded ?? { loading: Promise.resolve(undefined), leases: 0 };
		this.#entries.set(roomId, entry);
		clearTimeout(entry.unloadTimer);
		const deleting = (async () => {
			const room = await entry.loading.catch(() => undefined);
			await room?.discard();
			// Its clips and push subscriptions with it (docs/architecture.md).
			await this.store.deleteRoom(roomId);
		})().finally(() => {
			if (this.#entries.get(roomId) === entry) this.#entries.delete(roomId);
		});
		entry.closing = deleting.catch(() => undefined);
		return deleting;
	}

	/** Restarts the retention of every room in memory: a room in use does not expire. */
	async touchLoaded(): Promise<void> {
		for (const roomId of [...this.#entries.keys()]) await this.store.touch(roomId);
	}

	/**
	 * Deletes rooms whose last activity was before `before` and that are not in memory, and the
	 * rooms whose erasing failed; answers the ids of the expired ones deleted (at most
	 * {@link EXPIRED_PER_SWEEP}; the next sweep takes the rest).
	 */
	async deleteExpired(before: number): Promise<string[]> {
		for (const roomId of [...this.#eraseFailed]) {
			await this.erase(roomId).catch((error: unknown) => {
				log.rooms.error({ roomId, err: error }, 'erasing the room failed again');
				this.options.metrics?.error('storage');
			});
		}
		const deleted: string[] = [];
		for (const roomId of await this.store.expiredRooms(before, EXPIRED_PER_SWEEP)) {
			// In memory means in use, whatever the store last heard.
			if (this.#entries.has(roomId)) continue;
			await this.#delete(roomId, undefined);
			deleted.push(roomId);
		}
		return deleted;
	}

	/** Stores everything and drops all rooms from memory (at shutdown). */
	async closeAll(): Promise<void> {
		const entries = [...this.#entries.values()];
		this.#entries.clear();
		await Promise.all(
			entries.map(async (entry) => {
				clearTimeout(entry.unloadTimer);
				if (entry.closing) return entry.closing;
				const room = await entry.loading.catch(() => undefined);
				await room?.close();
			})
		);
	}
}
