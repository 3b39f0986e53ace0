import * as Y from 'yjs';
import { log } from '../log';
import type { RoomMetrics } from '../metrics';
import {
	FenceLost,
	isAfter,
	type DocumentLog,
	type LogEntry,
	type StoredDoc
} from '../storage/document-log';

/** The origin of changes that other instances stored (they reach it through the log). */
export const REMOTE_ORIGIN = Symbol('remote');

/**
 * With one instance, changes are stored at most this long after they happen, merged into one
 * log entry: one write for a burst of typing instead of one per keystroke. With the SQLite
 * log's 20 ms commit batching, a crash loses at most about 120 ms, well inside the promise
 * that a restart loses no edit older than one second. With several instances the log is also
 * how changes reach the others, so they are stored at once (see {@link LogWriterIo}).
 */
export const STORE_WITHIN_MS = 100;
/** After a failed store, the changes are tried again this much later. */
const RETRY_STORE_MS = 1_000;
/** After this many appended log entries the log is folded into the snapshot. */
const COMPACT_EVERY = 500;

/** How a room's document reaches its log. */
export interface LogWriterIo {
	log: DocumentLog;
	/** How long changes are collected before they are stored as one entry, in ms. */
	storeWithinMs: number;
	metrics?: RoomMetrics | undefined;
}

/** What the room hears from its writer. */
export interface LogWriterEvents {
	/** The room is gone from storage (erased or expired through another instance). */
	gone(): void;
	/** The log position this copy has moved (see {@link LogWriter.cursor}). */
	moved(): void;
	/** A whole snapshot of the document was just encoded, of this many bytes. */
	measured(bytes: number): void;
}

/** The updates of entries other instances appended (this one's are in the document already). */
const othersUpdates = (entries: LogEntry[], instanceId: string): Uint8Array[] =>
	entries.filter((entry) => entry.origin !== instanceId).map((entry) => entry.update);

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

/**
 * Keeps a room document and its log in step. Every change made here (any origin but
 * {@link REMOTE_ORIGIN}) is collected and appended within `storeWithinMs` as one merged entry,
 * again after a failure until it is stored; the other instances' entries are applied as they
 * arrive; every {@link COMPACT_EVERY} entries, and on closing, the log is folded into a snapshot.
 */
export class LogWriter {
	readonly #doc: Y.Doc;
	readonly #docId: string;
	readonly #io: LogWriterIo;
	readonly #events: LogWriterEvents;
	readonly #unsubscribe: () => void;
	#persisting: Promise<void> = Promise.resolve();
	/** Changes not yet handed to the log, and the timer that will hand them over. */
	#unstored: Uint8Array[] = [];
	/** When the oldest of them arrived (performance.now()), for the relay-latency histogram. */
	#unstoredSince: number | undefined;
	#storeTimer: Scheduled | undefined;
	/** A store failed since the last snapshot: closing must write a whole one. */
	#storeFailed = false;
	#closing = false;
	#discarded = false;
	/** Position of the last log entry this copy has, for compaction. */
	#cursor: string | undefined;
	#appendedSinceCompaction: number;
	/**
	 * A decision's change may be in the log without this copy having it: its append is under way,
	 * or failed without telling whether it was stored. Meanwhile this instance's own log entries
	 * are applied too (Yjs skips what the document has), or the change would be missing here only.
	 */
	#ownEntriesNeeded = false;

	/** Starts writing `doc`, which holds `stored` already, and following the others' entries. */
	constructor(
		doc: Y.Doc,
		docId: string,
		io: LogWriterIo,
		stored: StoredDoc,
		events: LogWriterEvents
	) {
		this.#doc = doc;
		this.#docId = docId;
		this.#io = io;
		this.#events = events;
		this.#cursor = stored.cursor;
		this.#appendedSinceCompaction = stored.updates.length - 1;
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== REMOTE_ORIGIN) this.#collect(update);
		});
		this.#unsubscribe = io.log.subscribe(docId, stored.cursor, (entries, cursor) =>
			this.#receive(entries, cursor)
		);
	}

	/** Position of the last log entry this copy has. */
	get cursor(): string | undefined {
		return this.#cursor;
	}

	/** Whether nothing of the room is stored any more (erased, here or elsewhere). */
	get discarded(): boolean {
		return this.#discarded;
	}

	/** Appends what is collected now, and waits until every change so far is handed over. */
	flush(): Promise<void> {
		this.#store();
		return this.#persisting;
	}

	/** Waits until every change so far is stored, then folds the log into the snapshot. */
	async close(): Promise<void> {
		this.#closing = true;
		await this.flush();
		this.#unsubscribe();
		this.#storeTimer?.cancel();
		if (this.#appendedSinceCompaction > 0 || this.#storeFailed) await this.#compact();
	}

	/**
	 * Stops storing for good (the room is being erased): drops the changes not yet stored and
	 * waits for the writes under way, so that none of them lands after the room is deleted.
	 */
	discard(): Promise<void> {
		this.#discarded = true;
		this.#closing = true;
		this.#unsubscribe();
		this.#storeTimer?.cancel();
		this.#storeTimer = undefined;
		this.#unstored = [];
		this.#unstoredSince = undefined;
		return this.#persisting;
	}

	/**
	 * Appends a decision's change under its fence (RoomControl). Until the answer says whether it
	 * was stored, the entry may arrive through the log (or, the answer lost, arrive at all): see
	 * #ownEntriesNeeded. The next decision catches up with the log before it appends.
	 */
	async appendDecision(update: Uint8Array, fence: string): Promise<string | undefined> {
		this.#ownEntriesNeeded = true;
		try {
			const stored = await this.#io.log.append(this.#docId, update, fence);
			this.#ownEntriesNeeded = false;
			return stored;
		} catch (error) {
			if (error instanceof FenceLost) this.#ownEntriesNeeded = false;
			throw error;
		}
	}

	/** Log entries: other instances' changes, and how far the log goes. */
	#receive(entries: LogEntry[], cursor: string | undefined): void {
		if (this.#discarded) return;
		const updates = this.#ownEntriesNeeded
			? entries.map((entry) => entry.update)
			: othersUpdates(entries, this.#io.log.instanceId);
		for (const update of updates) Y.applyUpdate(this.#doc, update, REMOTE_ORIGIN);
		if (cursor !== undefined && isAfter(cursor, this.#cursor)) this.#cursor = cursor;
		this.#events.moved();
		this.#appendedSinceCompaction += entries.length;
		if (this.#appendedSinceCompaction >= COMPACT_EVERY && !this.#closing) {
			this.#appendedSinceCompaction = 0;
			this.#persisting = this.#persisting.then(() => this.#compact());
		}
	}

	#collect(update: Uint8Array): void {
		if (this.#discarded) return;
		this.#unstored.push(update);
		this.#unstoredSince ??= performance.now();
		this.#storeTimer ??= after(this.#io.storeWithinMs, () => this.#store());
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
		const roomId = this.#docId;
		this.#persisting = this.#persisting.then(async () => {
			try {
				const stored = await this.#io.log.append(this.#docId, merged);
				if (stored === undefined) {
					// Erased or expired through another instance, whose notice did not reach this one:
					// nothing more is stored.
					log.rooms.info({ roomId }, 'the room is gone from storage');
					this.#discarded = true;
					this.#events.gone();
					return;
				}
				log.rooms.trace(
					{ roomId, updates: updates.length, bytes: merged.byteLength },
					'changes stored'
				);
				// In the log, every instance relays it: that is how long the others waited for it.
				this.#io.metrics?.documentRelayed((performance.now() - since) / 1000);
			} catch (error) {
				// Keep the changes: they go out again with the next attempt, and close() writes a
				// whole snapshot whatever the log holds.
				log.rooms.error(
					{ roomId, bytes: merged.byteLength, err: error },
					'storing changes failed; retrying'
				);
				this.#io.metrics?.error('storage');
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
		const roomId = this.#docId;
		try {
			const snapshot = Y.encodeStateAsUpdate(this.#doc);
			this.#events.measured(snapshot.byteLength);
			// Without a cursor ('0') the snapshot is replaced and no log entry is dropped.
			const written = await this.#io.log.compact(this.#docId, snapshot, this.#cursor ?? '0');
			this.#appendedSinceCompaction = 0;
			if (written) {
				this.#storeFailed = false;
				log.rooms.debug({ roomId, bytes: snapshot.byteLength }, 'room compacted');
			} else if (this.#storeFailed) {
				// Another instance's newer snapshot lacks what this copy failed to store: add the
				// whole document to the log instead, where it merges rather than replaces.
				if ((await this.#io.log.append(this.#docId, snapshot)) !== undefined) {
					this.#storeFailed = false;
				}
			}
		} catch (error) {
			log.rooms.error({ roomId, err: error }, 'compaction failed');
			this.#io.metrics?.error('storage');
		}
	}
}
