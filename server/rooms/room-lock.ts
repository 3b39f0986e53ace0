/**
 * Decisions on a room's control state, one writer at a time across instances (docs/architecture.md,
 * "Decisions"). A decision reads the control map and writes it back whole values at a time (the
 * people, the ratings, who agreed): two instances deciding at once would each keep only their own
 * change. No decision is ever taken without the guarantee: one that cannot have it in time is
 * refused with {@link RoomBusy}, and nothing changes.
 */
export interface RoomLock {
	/** Whether other instances share the rooms: a decision must first catch up with theirs. */
	readonly shared: boolean;
	/**
	 * Runs `decide` while no other instance decides for the same room, handing it the fence token
	 * its change must be stored under (`DocumentLog.append`): the log refuses the change once
	 * the hold ended, however slow the way there. Undefined for a lock of one process, whose
	 * decisions write straight into the document. Rejects with {@link RoomBusy} when the hold
	 * cannot be had in time.
	 */
	run<T>(roomId: string, decide: (fence: string | undefined) => Promise<T>): Promise<T>;
}

/** A decision could not be taken in time with its guarantee: nothing changed, try again. */
export class RoomBusy extends Error {
	constructor(roomId: string, why: string) {
		super(`room ${roomId} is busy: ${why}`);
		this.name = 'RoomBusy';
	}
}

/** One instance: the room's queue of decisions (`RoomControl`) is its single writer. */
export const processLock: RoomLock = { shared: false, run: (_roomId, decide) => decide(undefined) };
