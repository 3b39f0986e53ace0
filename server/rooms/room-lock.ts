/**
 * Decisions on a room's control state, one at a time across instances (docs/scale-out.md). A
 * decision reads the control map and writes it back whole values at a time (the people, the
 * ratings, who agreed): two instances deciding at once would each keep only their own change.
 */
export interface RoomLock {
	/** Whether other instances share the rooms: a decision must first catch up with theirs. */
	readonly shared: boolean;
	/** Runs `decide` while no other instance decides for the same room. */
	run<T>(roomId: string, decide: () => Promise<T>): Promise<T>;
}

/** One instance: its event loop already takes one decision at a time, on the latest state. */
export const processLock: RoomLock = { shared: false, run: (_roomId, decide) => decide() };
