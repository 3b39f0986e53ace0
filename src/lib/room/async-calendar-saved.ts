import { assertNever } from '../assert-never';
import type { ControlState } from '../protocol/control';
import type { AsyncPlan } from './async-schedule';
import { plannedDeadlines, type PlannedDeadline } from './async-view';

/**
 * How the calendar file this device last downloaded for a room's turns compares with the
 * schedule now (`plannedDeadlines`):
 * - `none`: nothing to say: no file was downloaded here, or every turn is done and every
 *   deadline in the file has passed;
 * - `current`: every deadline still ahead is where the file put it;
 * - `will-move`: the deadlines rest (the room is paused, A28, or playing live, A8) and will move
 *   when the turns go on, so the file will be out of date by an amount nobody knows yet;
 * - `out-of-date`: a deadline still ahead is not where the file put it (moved by a resume, A29,
 *   an extension, A7, a window opened again, or brought forward by turns taken early, A5);
 * - `left-over`: every turn is done, but the file put deadlines still to come in the calendar,
 *   for turns that will not come (the turns ended early): the person can delete them.
 */
export type SavedCalendarState = 'none' | 'current' | 'will-move' | 'out-of-date' | 'left-over';

/** Where a room's turns stand, for comparing a calendar file with them. */
export type TurnsNow =
	/** Counting down: the deadlines the schedule plans from the current step on. */
	| { kind: 'counting'; planned: readonly PlannedDeadline[] }
	/** Paused (A28) or playing live (A8): the deadlines rest, and move when the turns go on. */
	| { kind: 'resting' }
	/** Every turn is done: the schedule has no deadline left. */
	| { kind: 'over'; now: number };

/** Calendars show minutes: a deadline moved by less (a pause of seconds) is still where it was. */
export const CALENDAR_SLACK_MS = 60_000;

/** Where the turns of the room in `control` stand at `now`. */
export function turnsNow(control: ControlState, plan: AsyncPlan, now: number): TurnsNow {
	const schedule = control.async;
	if (schedule?.mode === 'live') return { kind: 'resting' };
	// Paused after the last turn, no deadline is left to move.
	if (schedule?.mode === 'async' && schedule.deadlineAt === null) return { kind: 'over', now };
	if (control.pause !== null) return { kind: 'resting' };
	return { kind: 'counting', planned: plannedDeadlines(control, plan) };
}

const keyOf = (deadline: PlannedDeadline) => `${deadline.phaseIndex}:${deadline.round}`;

/** Whether a deadline still ahead of the schedule is not where the file (`saved`) put it. */
function moved(saved: readonly PlannedDeadline[], planned: readonly PlannedDeadline[]): boolean {
	const savedAt = new Map(saved.map((deadline) => [keyOf(deadline), deadline.at]));
	return planned.some((deadline) => {
		const at = savedAt.get(keyOf(deadline));
		return at === undefined || Math.abs(deadline.at - at) >= CALENDAR_SLACK_MS;
	});
}

/**
 * Compares the deadlines of the file downloaded here (`saved`, undefined when none) with where
 * the room's turns stand. Deadlines the room has passed are no longer planned and are not
 * compared; once the turns are over, only the file's deadlines still to come matter.
 */
export function savedCalendarState(
	saved: readonly PlannedDeadline[] | undefined,
	turns: TurnsNow
): SavedCalendarState {
	if (!saved || saved.length === 0) return 'none';
	switch (turns.kind) {
		case 'counting':
			return moved(saved, turns.planned) ? 'out-of-date' : 'current';
		case 'resting':
			return 'will-move';
		case 'over':
			return saved.some((deadline) => deadline.at - turns.now >= CALENDAR_SLACK_MS)
				? 'left-over'
				: 'none';
		default:
			return assertNever(turns);
	}
}
