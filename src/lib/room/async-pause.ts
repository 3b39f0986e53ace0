import type { ControlState } from '../protocol/control';
import { reminderLeadOf } from './async-clock';
import { counting } from './async-takers';

/**
 * A room on turns paused for everyone (protocol A28–A30): while paused its deadline stands still
 * (`nextWakeAt` and `tick` see nothing due); resuming gives the window back what was left of it.
 * Time is passed in; nothing here reads a clock.
 */

/**
 * When the current window began standing still: at the pause, or when it opened if that was
 * later (a room paused before A28, whose clock went on moving it meanwhile).
 */
const pausedSince = (pausedAt: number, schedule: { openedAt: number }) =>
	Math.max(pausedAt, schedule.openedAt);

/** What was left of the current window when the room was paused, or undefined when not paused. */
export function leftAtPause(state: ControlState): number | undefined {
	const schedule = state.async;
	if (state.pause === null || !counting(schedule)) return undefined;
	return Math.max(0, schedule.deadlineAt - pausedSince(state.pause.at, schedule));
}

/**
 * The room was resumed from `before`'s pause and is `after` (A29): its deadline moves on by the
 * time it stood paused, so the window keeps what was left of it. A reminder sent before a pause
 * longer than the reminder's lead named a deadline that has since moved by more than the lead:
 * it goes out again, at once, naming the moved one. Answers `after` itself otherwise.
 */
export function followResume(before: ControlState, after: ControlState, now: number): ControlState {
	const schedule = after.async;
	if (before.pause === null || after.pause !== null || !counting(schedule)) return after;
	const paused = Math.max(0, now - pausedSince(before.pause.at, schedule));
	const moved = {
		...schedule,
		deadlineAt: schedule.deadlineAt + paused,
		pausedMs: schedule.pausedMs + paused
	};
	const remindAgain = moved.warned && paused > reminderLeadOf(moved);
	return { ...after, async: remindAgain ? { ...moved, warned: false } : moved };
}
