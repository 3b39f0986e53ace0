import type { Participant } from '../../src/lib/protocol/presence';

/**
 * Who is in each room. Implementations: in memory (embedded default) and a Redis hash per room;
 * both pass tests/integration/presence-store.contract.ts.
 */
export interface PresenceStore {
	/**
	 * Adds or replaces a participant's record (its `seenAt` is the heartbeat). A store shared by
	 * instances (Redis) stores nothing once the room is gone: an instance that has not heard of an
	 * erase yet cannot write the room's names again.
	 */
	put(roomId: string, participant: Participant): Promise<void>;
	/** The roster at server time `now`: stale records shown as gone, old ones forgotten. */
	list(roomId: string, now: number): Promise<Participant[]>;
	/** Forgets everyone of the room at once (it was erased or expired). */
	deleteRoom(roomId: string): Promise<void>;
}
