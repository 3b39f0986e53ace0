import type { PresenceRecord, VersionedRoster } from '../../src/lib/protocol/presence';

/**
 * Who is in each room, as one instance sees and says it. Implementations: in memory (embedded
 * default) and a Redis hash per room; both pass tests/integration/presence-store.contract.ts.
 */
export interface PresenceStore {
	/**
	 * Adds or replaces this instance's record of a participant (its `seenAt` is the heartbeat,
	 * its `joinedAt` the join that named them); another instance's record of them stays as it
	 * wrote it, and raises the room's roster version (`list`). A store shared by instances (Redis)
	 * stores nothing once the room is gone: an instance that has not heard of an erase yet cannot
	 * write the room's names again.
	 */
	put(roomId: string, record: PresenceRecord): Promise<void>;
	/**
	 * The roster at server time `now`, one entry per person, their instances' records combined
	 * (`rosterView`): stale records shown as gone, old ones forgotten. Its version is that of the
	 * room's last write, read with the records: higher than any version listed before that write,
	 * even one from before the room's presence expired or was deleted (protocol S27).
	 */
	list(roomId: string, now: number): Promise<VersionedRoster>;
	/** Forgets everyone of the room at once (it was erased or expired). */
	deleteRoom(roomId: string): Promise<void>;
}
