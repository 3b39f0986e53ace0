// What a schedule decision tells the people taking turns (protocol A9): drawn from the change
// of control state alone, so the server hands it to its `TurnEvents` after the decision is stored.
import type { ControlState } from '../protocol/control';
import { counting, phaseIndexAt, takersAt, waitingFor, type AsyncPlan } from './async-schedule';

/** What a schedule decision tells the people waiting for it (the server's `TurnEvents`). */
export type TurnEvent =
	| { type: 'turn-started'; phaseIndex: number; personIds: string[] }
	| { type: 'deadline-near'; phaseIndex: number; personIds: string[]; deadlineAt: number };

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
	const takers = takersAt(after, plan, after.step);
	if (opened && takers.length > 0)
		events.push({ type: 'turn-started', phaseIndex, personIds: takers });
	const waiting = waitingFor(after, plan);
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
