import { assertNever } from '../../src/lib/assert-never';
import type { TurnEvent } from '../../src/lib/room/async-events';

/** Where a turn went and why (A33): the names of its new takers, none when nobody took it over. */
export type TurnMove = Pick<Extract<TurnEvent, { type: 'turn-moved' }>, 'toNames' | 'reason'>;

/**
 * What the turn schedule of a room run across time zones tells the people taking turns
 * (protocol A9): web push plugs in here. Called after the decision is stored; a hook that fails
 * is logged by the caller and changes nothing in the room.
 */
export interface TurnEvents {
	/** `personIds` now have a turn to take in phase `phaseIndex`. */
	onTurnStarted(roomId: string, phaseIndex: number, personIds: string[]): Promise<void> | void;
	/** `personIds` were told their turn in phase `phaseIndex` started, and it moved (`move`). */
	onTurnMoved(
		roomId: string,
		phaseIndex: number,
		personIds: string[],
		move: TurnMove
	): Promise<void> | void;
	/** `personIds` have not taken their turn, and its deadline (server ms) is a few hours away. */
	onDeadlineNear(
		roomId: string,
		phaseIndex: number,
		personIds: string[],
		deadlineAt: number
	): Promise<void> | void;
}

/** Tells nobody: the default until notifications are set up. */
export const silentTurnEvents: TurnEvents = {
	onTurnStarted: () => undefined,
	onTurnMoved: () => undefined,
	onDeadlineNear: () => undefined
};

/** Passes one event of the schedule to its hook. */
export async function tell(events: TurnEvents, roomId: string, event: TurnEvent): Promise<void> {
	switch (event.type) {
		case 'turn-started':
			await events.onTurnStarted(roomId, event.phaseIndex, event.personIds);
			return;
		case 'turn-moved': {
			const { toNames, reason } = event;
			await events.onTurnMoved(roomId, event.phaseIndex, event.personIds, { toNames, reason });
			return;
		}
		case 'deadline-near':
			await events.onDeadlineNear(roomId, event.phaseIndex, event.personIds, event.deadlineAt);
			return;
		default:
			assertNever(event);
	}
}
