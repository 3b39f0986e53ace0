/** What a document is rebuilt from: the snapshot first, then the log written after it. */
export interface StoredDoc {
	updates: Uint8Array[];
	/** Position of the last log entry read, for {@link DocumentLog.compact}; undefined when the log is empty. */
	cursor: string | undefined;
}

/** One entry of a document's log, as a subscriber receives it. */
export interface LogEntry {
	update: Uint8Array;
	/**
	 * The instance that appended it; {@link READ_BACK} when it was read back from storage (a
	 * catch-up, or the whole document again after a lost connection) rather than heard live.
	 */
	origin: string;
}

/**
 * Origin of entries read back from storage, whoever appended them: applying one that is in the
 * document already changes nothing.
 */
export const READ_BACK = 'reloaded';

/** Entries read back from a document's log, and the position they go up to. */
export interface ReadBack {
	entries: LogEntry[];
	cursor: string | undefined;
}

/** Delivers a document's entries in log order, with the log position of the last one. */
export type DeliverEntries = (entries: LogEntry[], cursor: string | undefined) => void;

/**
 * The id of a room's second document, which no client receives (`server/rooms/sealed-values.ts`).
 * It is stored like the room's own document and lives and dies with the room.
 */
export const sealedDocId = (roomId: string) => `${roomId}:sealed`;

/** Every document of a room: what retention and erasing cover. */
export const roomDocIds = (roomId: string) => [roomId, sealedDocId(roomId)];

/** The room a document belongs to (the room's own id, or the id before `:sealed`). */
export const roomOfDoc = (docId: string) => docId.split(':')[0] ?? docId;

/** A fenced append came after its decision's hold on the room ended: nothing was stored. */
export class FenceLost extends Error {
	constructor(docId: string) {
		super(`the decision's hold on ${docId} ended before its change was stored`);
		this.name = 'FenceLost';
	}
}

/**
 * Each room document as an append-only log of Yjs updates plus a compacted snapshot, shared by
 * every instance serving the room: an append is stored and reaches each instance subscribed to
 * the document once, tagged with the instance that made it, so none applies or relays it twice.
 * Implementations: SQLite with in-process subscribers (embedded default) and Redis (a stream
 * per document, its appends published in the same script); both pass
 * tests/integration/document-log.contract.ts. A document belongs to a room of the
 * `RoomStore` (./room-store.ts): it is written only while the room exists, and an append is activity in it.
 */
export interface DocumentLog {
	/** This instance: what its appends are tagged with. */
	readonly instanceId: string;
	/**
	 * Appends one update to a document's log and answers its position. Once the room is gone
	 * (erased or expired) nothing is stored and the answer is undefined: a late write cannot
	 * bring a room back.
	 *
	 * With `fence` (the token of a decision's hold on the room, `RoomLock.run`) the update is
	 * appended only while that hold lasts, checked in the same step; else nothing is stored and
	 * the promise rejects with {@link FenceLost}. Only a log shared by several processes (Redis)
	 * is given one and checks it: in one process the room's queue of decisions is the single
	 * writer (`processLock` hands out no fence), so the SQLite and in-memory logs have no holds
	 * and ignore it.
	 */
	append(docId: string, update: Uint8Array, fence?: string): Promise<string | undefined>;
	load(docId: string): Promise<StoredDoc>;
	/**
	 * Delivers every entry appended to `docId`'s log after `cursor` (the position its
	 * {@link load} answered), by any instance (this one included, so that the subscriber knows how
	 * far the log goes), until the answered function is called: entries appended between that load
	 * and this call too, in order. A document is subscribed at most once per instance.
	 */
	subscribe(docId: string, cursor: string | undefined, deliver: DeliverEntries): () => void;
	/**
	 * Replaces the snapshot and drops the log entries up to and including `cursor` (the cursor
	 * '0' names no entry, so only the snapshot is replaced). A log shared by several instances
	 * (Redis) may keep recent entries a while longer for instances catching up, and never lets
	 * an older snapshot replace a newer one. Answers whether the snapshot was written: not when a
	 * newer one is there or the room is gone.
	 */
	compact(docId: string, snapshot: Uint8Array, cursor: string): Promise<boolean>;
	/** Position of the last entry of a document's log; undefined when the log is empty. */
	lastPosition(docId: string): Promise<string | undefined>;
	/** Stops every subscription; the connection belongs to the caller, who closes it. */
	close(): Promise<void>;
}

/** A log position as numbers: Redis stream ids are `ms-seq`, SQLite's are sequence numbers. */
function position(cursor: string): [bigint, bigint] {
	const [major = '0', minor = '0'] = cursor.split('-');
	return [BigInt(major), BigInt(minor)];
}

/** Whether log position `a` comes after `b` (any position comes after none). */
export function isAfter(a: string, b: string | undefined): boolean {
	if (b === undefined) return true;
	const [a1, a2] = position(a);
	const [b1, b2] = position(b);
	return a1 > b1 || (a1 === b1 && a2 > b2);
}
