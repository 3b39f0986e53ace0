import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import type { RoomMeta } from '../../src/lib/protocol/http';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { initialControlState } from '../../src/lib/room/control';
import { log } from '../log';
import type { RoomMetrics } from '../metrics';
import { FenceLost, sealedDocId, type DocStore, type StoredDoc } from '../storage/doc-store';
import { SealedValues } from './sealed-values';
import { ClientUpdateGate } from '../yjs/client-update-gate';
import type { UpdateRefusal } from '../limits/document-limits';
import { isAfter, type Fanout, type FanoutEntry } from '../fanout/fanout';
import { AwarenessRelay } from '../fanout/awareness-relay';
import { RoomBusy, type RoomLock } from './room-lock';
import { RoomControl, writeControl } from './room-control';
import type { AccessState } from './doc-access';
import { DocConnections } from './doc-connections';
import { migrateRoomDoc, refuseNewerRoomDoc } from './room-doc-version';

/** The origin of the server's own transactions on a room document. */
export const SERVER_ORIGIN = Symbol('server');
/** The origin of changes that other instances stored (server/fanout): already in the log. */
export const REMOTE_ORIGIN = Symbol('remote');

/** How long a decision waits for the other instances' changes to arrive before it is refused. */
const CATCH_UP_MS = 2_000;
/** After this many appended log entries the log is folded into the snapshot. */
const COMPACT_EVERY = 500;
/**
 * With one instance, changes are stored at most this long after they happen, merged into one
 * log entry: one write for a burst of typing instead of one per keystroke. With the SQLite
 * store's 20 ms commit batching, a crash loses at most about 120 ms, well inside the promise
 * that a restart loses no edit older than one second. With several instances the log is also
 * how changes reach the others, so they are stored at once (see {@link RoomIo}).
 */
export const STORE_WITHIN_MS = 100;
/** After a failed store, the changes are tried again this much later. */
const RETRY_STORE_MS = 1_000;

interface Scheduled {
	cancel(): void;
}

/**
 * Runs `work` after `ms`, or for 0 at the end of this turn of the event loop: `setTimeout` would
 * wait at least 1 ms, on every update's way to the other instances.
 */
function after(ms: number, work: () => void): Scheduled {
	if (ms === 0) {
		const immediate = setImmediate(work);
		return { cancel: () => clearImmediate(immediate) };
	}
	const timer = setTimeout(work, ms);
	return { cancel: () => clearTimeout(timer) };
}

const byteLengthOf = (updates: Uint8Array[]) =>
	updates.reduce((total, update) => total + update.byteLength, 0);

/**
 * The first stored update of a new room: its control map at the playbook's first phase, at the
 * latest schema version.
 */
export function initialRoomUpdate(playbook: Playbook): Uint8Array {
	const doc = new Y.Doc();
	writeControl(doc, initialControlState(playbook), SERVER_ORIGIN);
	migrateRoomDoc(doc, 'A new room', SERVER_ORIGIN);
	return Y.encodeStateAsUpdate(doc);
}

/** What became of a client's update: applied (less its writes to control), or refused whole. */
export type ClientUpdateResult =
	{ applied: true; stripped: number } | { applied: false; refused: UpdateRefusal };

export type { DocConnectionEnd } from './doc-connections';

/** How a loaded room reaches storage and the other instances. */
export interface RoomIo {
	store: DocStore;
	fanout: Fanout;
	/** How long changes are collected before they are stored as one entry, in ms. */
	storeWithinMs: number;
	/** Decisions on the control state one at a time across instances (RoomControl). */
	lock: RoomLock;
	metrics?: RoomMetrics | undefined;
}

/**
 * A room document in memory: every change to it is appended to the store as it happens, and
 * the server's writes are confined to the control map.
 */
export class LoadedRoom {
	readonly doc = new Y.Doc();
	readonly awareness = new Awareness(this.doc);
	/** The control guard and the limits on clients' updates (protocol Y3, L3, L4, L7). */
	readonly #gate: ClientUpdateGate;
	#persisting: Promise<void> = Promise.resolve();
	/** Changes not yet handed to the store, and the timer that will hand them over. */
	#unstored: Uint8Array[] = [];
	/** When the oldest of them arrived (performance.now()), for the relay-latency histogram. */
	#unstoredSince: number | undefined;
	#storeTimer: Scheduled | undefined;
	/** A store failed since the last snapshot: closing must write a whole one. */
	#storeFailed = false;
	#closing = false;
	/** The room is being erased: nothing of it is stored any more. */
	#discarded = false;
	/** Position of the last log entry this copy has (from the fan-out), for compaction. */
	#cursor: string | undefined;
	/** The same for the sealed document: a decision waits until both have caught up. */
	#sealedCursor: string | undefined;
	/** Decisions waiting for the positions to move (see #catchUp). */
	readonly #positionWaiters = new Set<() => void>();
	#appendedSinceCompaction = 0;
	/**
	 * A decision's change may be in the log without this copy having it: its append is under way,
	 * or failed without telling whether it was stored. Meanwhile this instance's own log entries
	 * are applied too (Yjs skips what the document has), or the change would be missing here only.
	 */
	#ownEntriesNeeded = false;
	/** Stops following the documents and awareness through the fan-out. */
	readonly #unfollow: (() => void)[];
	readonly #awarenessRelay: AwarenessRelay;

	/** Ratings not yet revealed, and the room's secrets. */
	readonly #sealed: SealedValues;
	/** Document connections, to close when the room stops admitting them or is erased. */
	readonly #docConnections = new DocConnections(() => this.#access());
	/** The control state and its single writer. */
	readonly control: RoomControl;

	private constructor(
		readonly meta: RoomMeta,
		readonly playbook: Playbook,
		private readonly io: RoomIo,
		stored: StoredDoc,
		sealed: StoredDoc
	) {
		const { fanout, metrics } = io;
		this.#sealed = new SealedValues(io.store, meta.id, sealed);
		this.control = new RoomControl({
			roomId: meta.id,
			doc: this.doc,
			playbook,
			secrets: this.#sealed,
			lock: io.lock,
			serverOrigin: SERVER_ORIGIN,
			catchUp: () => this.#catchUp(),
			append: (update, fence) => this.#appendDecision(update, fence),
			applyStored: (update) => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN),
			tokenReplaced: () => this.#endRefused()
		});
		// The server's awareness has no local state: it only relays the clients'.
		this.awareness.setLocalState(null);
		for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
		// Before anything follows or stores it: a room from a newer release is left as it is.
		const what = `The document of room ${meta.id}`;
		refuseNewerRoomDoc(this.doc, what);
		this.#cursor = stored.cursor;
		this.#sealedCursor = sealed.cursor;
		this.#appendedSinceCompaction = stored.updates.length - 1;
		this.#gate = new ClientUpdateGate(this.doc);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== REMOTE_ORIGIN) this.#collect(update);
			metrics?.updateRelayed('document');
		});
		this.awareness.on('update', () => metrics?.updateRelayed('awareness'));
		this.doc.getMap(CONTROL_MAP).observe((event) => this.#controlChanged(event));
		// Now, so that it is stored like any server write, and its writer known as a server.
		migrateRoomDoc(this.doc, what, SERVER_ORIGIN);
		this.#awarenessRelay = new AwarenessRelay(this.awareness, REMOTE_ORIGIN, (update) =>
			fanout.publishAwareness(meta.id, update)
		);
		this.#unfollow = [
			fanout.follow(meta.id, stored.cursor, (entries, cursor) => this.#receive(entries, cursor)),
			fanout.follow(sealedDocId(meta.id), sealed.cursor, (entries, cursor) => {
				// This instance's own entries too: few and small, and one whose append failed without
				// an answer may be stored after all (Yjs skips what the document has).
				this.#sealed.receive(entries.map((entry) => entry.update));
				// Another instance may have replaced the projector token.
				this.#endRefused();
				if (cursor !== undefined && isAfter(cursor, this.#sealedCursor))
					this.#sealedCursor = cursor;
				this.#positionsMoved();
			}),
			fanout.followAwareness(meta.id, (update) =>
				applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
			)
		];
	}

	/** The updates of entries other instances appended (this one's are in the document). */
	#othersUpdates(entries: FanoutEntry[]): Uint8Array[] {
		return entries.filter((e) => e.origin !== this.io.fanout.instanceId).map((e) => e.update);
	}

	/** Log entries through the fan-out: other instances' changes, and how far the log goes. */
	#receive(entries: FanoutEntry[], cursor: string | undefined): void {
		if (this.#discarded) return;
		const updates = this.#ownEntriesNeeded
			? entries.map((entry) => entry.update)
			: this.#othersUpdates(entries);
		for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
		if (cursor !== undefined && isAfter(cursor, this.#cursor)) this.#cursor = cursor;
		this.#positionsMoved();
		this.#appendedSinceCompaction += entries.length;
		if (this.#appendedSinceCompaction >= COMPACT_EVERY && !this.#closing) {
			this.#appendedSinceCompaction = 0;
			this.#persisting = this.#persisting.then(() => this.#compact());
		}
	}

	/**
	 * Whatever instance changed the control map: its writer is a server (clients' writes there
	 * are stripped), and a removal or a lock ends the document connections here that it no
	 * longer admits (protocol Y9, Y11).
	 */
	#controlChanged(event: Y.YMapEvent<unknown>): void {
		this.#gate.controlChanged(event.transaction);
		if (['removed', 'roomLocked', 'lockedWith'].some((key) => event.keysChanged.has(key))) {
			this.#endRefused();
		}
	}

	/** Who the room admits now: its control state and its secrets (see doc-access). */
	#access(): AccessState {
		return {
			control: this.control.read(),
			isProjectorToken: (token) => this.#sealed.isProjectorToken(token),
			isDocTicket: (participantId, ticket) => this.#sealed.isDocTicket(participantId, ticket)
		};
	}

	/** Ends the document connections here that would not be admitted now. */
	#endRefused(): void {
		if (!this.#discarded) this.#docConnections.endRefused();
	}

	static async load(io: RoomIo, meta: RoomMeta, playbook: Playbook): Promise<LoadedRoom> {
		const [stored, sealed] = await Promise.all([
			io.store.loadDoc(meta.id),
			io.store.loadDoc(sealedDocId(meta.id))
		]);
		log.rooms.debug(
			{ roomId: meta.id, updates: stored.updates.length, bytes: byteLengthOf(stored.updates) },
			'room loaded'
		);
		return new LoadedRoom(meta, playbook, io, stored, sealed);
	}

	/**
	 * Applies an update from a client without the parts that would change the control map,
	 * unless it uses a server's client id or would break a limit of the document (protocol Y3,
	 * L3, L4, L7): then nothing of it is applied. Throws on an update that cannot be decoded.
	 */
	applyClientUpdate(update: Uint8Array, origin: unknown): ClientUpdateResult {
		const checked = this.#gate.check(update);
		if (!checked.applied) return checked;
		Y.applyUpdate(this.doc, checked.update, origin);
		return { applied: true, stripped: checked.stripped };
	}

	/**
	 * Its document connections on this instance: whether one is admitted now, and the open ones,
	 * ended when the room stops admitting them (a removal, a lock, a new projector token) or is
	 * erased.
	 */
	get connections(): DocConnections {
		return this.#docConnections;
	}

	/** The room's sealed values and secrets: keys, tokens, tickets, sealed ratings. */
	get secrets(): SealedValues {
		return this.#sealed;
	}

	/**
	 * Appends a decision's change under its fence. Until the answer says whether it was stored,
	 * the entry may arrive through the fan-out (or, the answer lost, arrive at all): see
	 * #ownEntriesNeeded. The next decision catches up with the log before it appends.
	 */
	async #appendDecision(update: Uint8Array, fence: string): Promise<string | undefined> {
		this.#ownEntriesNeeded = true;
		try {
			const stored = await this.io.store.appendUpdate(this.meta.id, update, fence);
			this.#ownEntriesNeeded = false;
			return stored;
		} catch (error) {
			if (error instanceof FenceLost) this.#ownEntriesNeeded = false;
			throw error;
		}
	}

	/** Waits until this copy has every log entry of both documents stored so far. */
	async #catchUp(): Promise<void> {
		const [last, lastSealed] = await Promise.all([
			this.io.store.lastPosition(this.meta.id),
			this.io.store.lastPosition(sealedDocId(this.meta.id))
		]);
		const behind = () =>
			(last !== undefined && isAfter(last, this.#cursor)) ||
			(lastSealed !== undefined && isAfter(lastSealed, this.#sealedCursor));
		const giveUpAt = Date.now() + CATCH_UP_MS;
		while (behind() && !this.#discarded) {
			const left = giveUpAt - Date.now();
			if (left <= 0) throw new RoomBusy(this.meta.id, 'the log did not arrive in time');
			// Woken by the next entry the fan-out delivers, not by polling.
			await new Promise<void>((resolve) => {
				const moved = () => {
					clearTimeout(timer);
					this.#positionWaiters.delete(moved);
					resolve();
				};
				const timer = setTimeout(moved, left);
				this.#positionWaiters.add(moved);
			});
		}
	}

	/** Wakes the decisions waiting in #catchUp: a log position moved. */
	#positionsMoved(): void {
		for (const moved of [...this.#positionWaiters]) moved();
	}

	#stopFollowing(): void {
		for (const unfollow of this.#unfollow) unfollow();
		this.#awarenessRelay.destroy();
	}

	#collect(update: Uint8Array): void {
		if (this.#discarded) return;
		this.#unstored.push(update);
		this.#unstoredSince ??= performance.now();
		this.#storeTimer ??= after(this.io.storeWithinMs, () => this.#store());
	}

	/** Appends everything collected so far as one merged log entry. */
	#store(): void {
		this.#storeTimer?.cancel();
		this.#storeTimer = undefined;
		if (this.#unstored.length === 0) return;
		const updates = this.#unstored;
		const since = this.#unstoredSince ?? performance.now();
		this.#unstored = [];
		this.#unstoredSince = undefined;
		const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
		this.#persisting = this.#persisting.then(async () => {
			try {
				const stored = await this.io.store.appendUpdate(this.meta.id, merged);
				if (stored === undefined) {
					// Erased or expired through another instance, whose notice did not reach this one:
					// nothing more is stored, and its screens here close as erased (rule Y10).
					log.rooms.info({ roomId: this.meta.id }, 'the room is gone from storage');
					this.#discarded = true;
					this.#docConnections.endAll('erased');
					return;
				}
				log.rooms.trace(
					{ roomId: this.meta.id, updates: updates.length, bytes: merged.byteLength },
					'changes stored'
				);
				// In the log, every instance relays it: that is how long the others waited for it.
				this.io.metrics?.documentRelayed((performance.now() - since) / 1000);
			} catch (error) {
				// Keep the changes: they go out again with the next attempt, and close() writes a
				// whole snapshot whatever the log holds.
				log.rooms.error(
					{ roomId: this.meta.id, bytes: merged.byteLength, err: error },
					'storing changes failed; retrying'
				);
				this.io.metrics?.error('storage');
				this.#unstored.unshift(merged);
				this.#unstoredSince = Math.min(since, this.#unstoredSince ?? since);
				this.#storeFailed = true;
				if (!this.#closing) this.#storeTimer ??= after(RETRY_STORE_MS, () => this.#store());
			}
		});
	}

	/** Writes the whole document as the snapshot and drops the log it covers. */
	async #compact(): Promise<void> {
		if (this.#discarded) return;
		try {
			const snapshot = Y.encodeStateAsUpdate(this.doc);
			this.#gate.measured(snapshot.byteLength);
			// Without a cursor ('0') the snapshot is replaced and no log entry is dropped.
			const written = await this.io.store.compact(this.meta.id, snapshot, this.#cursor ?? '0');
			this.#appendedSinceCompaction = 0;
			if (written) {
				this.#storeFailed = false;
				log.rooms.debug({ roomId: this.meta.id, bytes: snapshot.byteLength }, 'room compacted');
			} else if (this.#storeFailed) {
				// Another instance's newer snapshot lacks what this copy failed to store: add the
				// whole document to the log instead, where it merges rather than replaces.
				if ((await this.io.store.appendUpdate(this.meta.id, snapshot)) !== undefined) {
					this.#storeFailed = false;
				}
			}
		} catch (error) {
			log.rooms.error({ roomId: this.meta.id, err: error }, 'compaction failed');
			this.io.metrics?.error('storage');
		}
	}

	/** Waits until every change so far is stored, then folds the log into the snapshot. */
	async close(): Promise<void> {
		this.#closing = true;
		this.#store();
		await this.#persisting;
		this.#stopFollowing();
		this.#storeTimer?.cancel();
		if (this.#appendedSinceCompaction > 0 || this.#storeFailed) await this.#compact();
		this.awareness.destroy();
		this.doc.destroy();
		this.#sealed.destroy();
	}

	/**
	 * Ends the room for good without storing it (it is being erased): closes every document
	 * connection, drops the changes not yet stored, and waits for the writes under way, so that
	 * none of them lands after the room is deleted from the store.
	 */
	async discard(): Promise<void> {
		this.#discarded = true;
		this.#closing = true;
		this.#stopFollowing();
		this.#docConnections.endAll('erased');
		this.#storeTimer?.cancel();
		this.#storeTimer = undefined;
		this.#unstored = [];
		this.#unstoredSince = undefined;
		await Promise.all([this.#persisting, this.#sealed.discard()]);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
