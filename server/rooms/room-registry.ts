import type { RoomMeta } from '../../src/lib/protocol/http';
import type { Playbook } from '../../src/lib/protocol/playbook';
import type { DocStore } from '../storage/doc-store';
import { initialRoomUpdate, LoadedRoom } from './loaded-room';
import { newSecret } from './room-secrets';
import { initialSealedUpdate, sealedDocId } from './sealed-values';

/** A hold on a loaded room: the room stays in memory until every lease is released. */
export interface RoomLease {
	room: LoadedRoom;
	release(): void;
}

interface Entry {
	loading: Promise<LoadedRoom | undefined>;
	leases: number;
	unloadTimer?: ReturnType<typeof setTimeout>;
	/** Set while the room is being stored and dropped; a new lease waits for it, then reloads. */
	closing?: Promise<void>;
}

export interface RoomRegistryOptions {
	/** How long a room with no connection stays in memory, in case someone comes straight back. */
	unloadGraceMs: number;
	findPlaybook(id: string): Promise<Playbook | undefined>;
}

/**
 * Creates rooms and keeps each room's document in memory while someone is connected to it (plus
 * a grace period), loading it once however many connections arrive at the same time. A room is
 * never loaded again before its previous copy has finished storing everything.
 */
export class RoomRegistry {
	readonly #entries = new Map<string, Entry>();

	constructor(
		private readonly store: DocStore,
		private readonly options: RoomRegistryOptions
	) {}

	/**
	 * Stores a new room at its playbook's first step, with its secrets; answers its host key, or
	 * undefined when there is no such playbook.
	 */
	async create(meta: RoomMeta): Promise<{ hostKey: string } | undefined> {
		const playbook = await this.options.findPlaybook(meta.playbookId);
		if (!playbook) return undefined;
		const hostKey = newSecret();
		await this.store.createRoom(meta, initialRoomUpdate(playbook));
		await this.store.appendUpdate(sealedDocId(meta.id), initialSealedUpdate(hostKey));
		return { hostKey };
	}

	getRoom(roomId: string): Promise<RoomMeta | undefined> {
		return this.store.getRoom(roomId);
	}

	/** Number of rooms in memory now. */
	get loadedCount(): number {
		return this.#entries.size;
	}

	/** Loads the room if needed and holds it; undefined when no such room exists. */
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
		const playbook = await this.options.findPlaybook(meta.playbookId);
		if (!playbook) {
			console.error(`[room ${roomId}] its playbook ${meta.playbookId} is missing`);
			return undefined;
		}
		return LoadedRoom.load(this.store, meta, playbook);
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
			.catch((error: unknown) => console.error(`[room ${roomId}] closing failed`, error))
			.finally(() => {
				if (this.#entries.get(roomId) === entry) this.#entries.delete(roomId);
			});
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
