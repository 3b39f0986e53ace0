import type { RoomMeta } from '../../src/lib/protocol/http';

/**
 * The rooms that exist and how long they are kept: metadata, activity and deletion. A room's
 * documents are in the `DocumentLog` (./document-log.ts) of the same backend, which writes only while the room
 * exists. Implementations: SQLite (embedded default) and Redis; both pass
 * tests/integration/document-log.contract.ts. The connection belongs to the caller.
 *
 * A room is kept for a retention period after its last activity (an append to any of its
 * documents, or {@link RoomStore.touch}), then deleted: SQLite lists it in
 * {@link RoomStore.expiredRooms} for the sweeper to delete, Redis expires its keys by itself.
 */
export interface RoomStore {
	/**
	 * Stores a new room with the update that starts its document and, for a room run on turns,
	 * its first wake in the backend's wake index (server ms, protocol A14), in one step: no room
	 * exists without its document, and none on turns without its wake. Fails when the id is taken.
	 */
	createRoom(meta: RoomMeta, initialUpdate: Uint8Array, firstWakeAt?: number): Promise<void>;
	getRoom(roomId: string): Promise<RoomMeta | undefined>;
	/** Records activity in the room now (a join): its retention starts again. */
	touch(roomId: string): Promise<void>;
	/**
	 * Deletes the room and every document of it, appends still waiting included, so that none of
	 * their bytes is left in the store's files. Deleting an absent room does nothing.
	 */
	deleteRoom(roomId: string): Promise<void>;
	/**
	 * Up to `limit` rooms whose last activity was before `before` (server ms), oldest first, for
	 * the sweeper to delete. A store that expires rooms by itself (Redis) answers none.
	 */
	expiredRooms(before: number, limit: number): Promise<string[]>;
}
