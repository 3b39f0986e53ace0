// What a schedule decision tells the people taking turns (protocol A9): drawn from the change
// of control state alone, so the server hands it to its `TurnEvents` after the decision is stored.
import type { ControlState } from '../protocol/control';
import { phaseIndexAt, type AsyncPlan } from './async-schedule';
import { counting, placesOf, takersAt, waitingFor } from './async-takers';

/**
 * Why a turn in the open step moved to someone else (A33): a place-holder was removed, someone
 * confirmed and took a free place, or, the places unchanged, the cast changed otherwise (a
 * place-holder chose another role in a playbook without rotation).
 */
export type TurnMoveReason = 'place-freed' | 'place-taken' | 'drawn-again';

/** What a schedule decision tells the people waiting for it (the server's `TurnEvents`). */
export type TurnEvent =
	| { type: 'turn-started'; phaseIndex: number; personIds: string[] }
	| { type: 'deadline-near'; phaseIndex: number; personIds: string[]; deadlineAt: number }
	/** `personIds` were told it was their turn and no longer take it; `toNames` now do. */
	| {
			type: 'turn-moved';
			phaseIndex: number;
			personIds: string[];
			toNames: string[];
			reason: TurnMoveReason;
	  };

/** Why the open step's takers changed from `before` to `after` (see {@link TurnMoveReason}). */
function moveReason(before: ControlState, after: ControlState, plan: AsyncPlan): TurnMoveReason {
	const [was, is] = [placesOf(before, plan), placesOf(after, plan)];
	if (was.some((id) => !is.includes(id))) return 'place-freed';
	return is.some((id) => !was.includes(id)) ? 'place-taken' : 'drawn-again';
}

/** What a change from `before` to `after` tells the people taking turns (A9). */
export function turnEvents(
	before: ControlState,
	after: ControlState,
	plan: AsyncPlan
): TurnEvent[] {
	const schedule = after.async;
	if (!counting(schedule)) return [];
	const phaseIndex = phaseIndexAt(after, plan);
	const events: TurnEvent[] = [];
	const opened = schedule.openedAt !== before.async?.openedAt || after.step !== before.step;
	const resumed = before.pause !== null && after.pause === null;
	const waiting = waitingFor(after, plan);
	// A window that opens tells those still to take their turn in it (back on turns, not who took
	// it already: A8); within a window, whoever came to be waited for (a place freed, a speaker
	// drawn again: A33). A paused room tells nobody, since nobody can take a turn (A30): its resume
	// tells everyone it waits for, who may have come to be waited for during the pause.
	const waitedFor = opened || resumed ? [] : takersAt(before, plan, before.step);
	const started = waiting.filter((id) => !waitedFor.includes(id));
	if (started.length > 0 && after.pause === null) {
		events.push({ type: 'turn-started', phaseIndex, personIds: started });
	}
	// Within a window, someone it waited for who is no longer cast (a speaker drawn again: A33)
	// learns the turn moved, rather than keep a "your turn" that is not; someone removed is not
	// told (S20). Paused too: the notice they had is already wrong.
	const takers = takersAt(after, plan, after.step);
	const lost = (opened ? [] : waitingFor(before, plan)).filter(
		(id) => !takers.includes(id) && !after.removed.includes(id)
	);
	if (lost.length > 0) {
		events.push({
			type: 'turn-moved',
			phaseIndex,
			personIds: lost,
			toNames: started.flatMap((id) => after.people[id]?.name ?? []),
			reason: moveReason(before, after, plan)
		});
	}
	if (schedule.warned && before.async?.warned !== true && waiting.length > 0) {
		events.push({
			type: 'deadline-near',
			phaseIndex,
			personIds: waiting,
			deadlineAt: schedule.deadlineAt
		});
	}
	return events;
}
