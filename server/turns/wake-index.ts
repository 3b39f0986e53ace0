import { z } from 'zod';

/** One room's next moment needing the server (protocol A14): its reminder or its deadline. */
export const wakeEntrySchema = z.object({
	roomId: z.string().min(1),
	/** Server time in ms. */
	at: z.number().int()
});
export type WakeEntry = z.infer<typeof wakeEntrySchema>;

/**
 * The stored index of when each room run as turns next needs the server (protocol A14), so a
 * room nobody opens after a restart is still woken at its deadline. Written when a room's
 * schedule changes, deleted with the room by its store (erasing, expiry).
 */
export interface WakeIndex {
	/** Records `roomId`'s next wake at server time `at`, replacing the one before. */
	set(roomId: string, at: number): Promise<void>;
	/** Forgets `roomId`'s wake: its schedule ended, rests (live) or the room is gone. */
	remove(roomId: string): Promise<void>;
	/** The wakes at or before `until`, earliest first, at most `limit`. */
	due(until: number, limit: number): Promise<WakeEntry[]>;
	/**
	 * Answers true for exactly one caller per room and wake `at` (across instances, for `holdMs`):
	 * the instance that loads the room for it.
	 */
	claim(roomId: string, at: number, holdMs: number): Promise<boolean>;
}
