import type { PlannedDeadline } from './async-view';

/**
 * How the calendar file this device last downloaded for a room's turns compares with the
 * schedule now (`plannedDeadlines`):
 * - `none`: no file was downloaded here, so there is nothing to say;
 * - `current`: every deadline still ahead is where the file put it;
 * - `will-move`: the deadlines rest (the room is paused, A28, or playing live, A8) and will move
 *   when the turns go on, so the file will be out of date by an amount nobody knows yet;
 * - `out-of-date`: a deadline still ahead is not where the file put it (moved by a resume, A29,
 *   an extension, A7, a window opened again, or brought forward by turns taken early, A5).
 */
export type SavedCalendarState = 'none' | 'current' | 'will-move' | 'out-of-date';

/** Calendars show minutes: a deadline moved by less (a pause of seconds) is still where it was. */
export const CALENDAR_SLACK_MS = 60_000;

const keyOf = (deadline: PlannedDeadline) => `${deadline.phaseIndex}:${deadline.round}`;

/**
 * Compares the deadlines of the file downloaded here (`saved`, undefined when none) with those
 * the schedule plans now (`planned`); `resting` says the deadlines stand still (paused or live).
 * Deadlines the room has passed are no longer planned and are not compared.
 */
export function savedCalendarState(
	saved: readonly PlannedDeadline[] | undefined,
	planned: readonly PlannedDeadline[],
	resting: boolean
): SavedCalendarState {
	if (!saved || saved.length === 0) return 'none';
	if (resting) return 'will-move';
	const savedAt = new Map(saved.map((deadline) => [keyOf(deadline), deadline.at]));
	const moved = planned.some((deadline) => {
		const at = savedAt.get(keyOf(deadline));
		return at === undefined || Math.abs(deadline.at - at) >= CALENDAR_SLACK_MS;
	});
	return moved ? 'out-of-date' : 'current';
}
