/**
 * What the server's async turn schedule tells the rest of the server (issue 17): a turn started,
 * or a deadline is a few hours away. The schedule (async-core's lane) calls these; the push
 * notifier (./turn-notifier.ts) implements them. `phaseIndex` is the index of the phase in the
 * room's playbook, `personIds` the participant ids whose turn it is (who have not taken it yet).
 */
export interface TurnEvents {
	onTurnStarted(roomId: string, phaseIndex: number, personIds: readonly string[]): void;
	onDeadlineNear(
		roomId: string,
		phaseIndex: number,
		personIds: readonly string[],
		/** Server time, ms. */
		deadlineAt: number
	): void;
}

/** Tells nobody: the default when notifications are off. */
export const noTurnEvents: TurnEvents = {
	onTurnStarted: () => {},
	onDeadlineNear: () => {}
};
