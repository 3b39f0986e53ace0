/**
 * A room's blobs (voice clips, protocol B1–B8): stored with the room, erased with it (by the
 * room store's `deleteRoom`, like the room's other rows or keys). Two
 * implementations, SQLite (embedded default, in the rooms' database) and Redis (beside the
 * room's keys, expiring with them); both pass tests/integration/blob-store.contract.ts.
 *
 * A blob exists only while its room does: `put` stores nothing for a room that is not there (or
 * was erased meanwhile), so an upload racing an erase cannot leave bytes behind.
 */
export interface BlobStore {
	/** Stores `blob` under `blobId`, replacing one stored under it before. */
	put(roomId: string, blobId: string, blob: BlobToStore): Promise<PutOutcome>;
	/**
	 * The blob with the bytes `range` picks once the size is known (the whole blob without it);
	 * undefined when there is no such blob.
	 */
	get(roomId: string, blobId: string, range?: RangePicker): Promise<StoredBlob | undefined>;
	/** Deletes one blob; answers whether there was one. */
	delete(roomId: string, blobId: string): Promise<boolean>;
}

export interface BlobToStore {
	/** The media type, as the caller checked it. */
	type: string;
	/** Who stored it (a participant id): only they may delete it. */
	owner: string;
	bytes: Uint8Array;
}

/**
 * `stored`; `no-room` when the room does not exist; `full` when the room's blobs would exceed
 * the store's `maxRoomBytes`.
 */
export type PutOutcome = 'stored' | 'no-room' | 'full';

/** A part of a blob: bytes `start` (inclusive) to `end` (exclusive). */
export interface ByteRange {
	start: number;
	end: number;
}

/** Which bytes to read, given the blob's size; a range past the end is cut at the end. */
export type RangePicker = (size: number) => ByteRange;

export interface StoredBlob {
	type: string;
	owner: string;
	/** The whole blob's size. */
	size: number;
	/** The range read, cut to the blob. */
	range: ByteRange;
	bytes: Uint8Array;
}

/** `range` cut to a blob of `size` bytes: never negative, never past the end. */
export function clampRange(range: ByteRange, size: number): ByteRange {
	const start = Math.min(Math.max(0, range.start), size);
	return { start, end: Math.min(Math.max(start, range.end), size) };
}

export interface BlobStoreOptions {
	/** The most bytes all the blobs of one room may take together. */
	maxRoomBytes: number;
}
