import type { ControlState } from '../protocol/control';
import { counting, moveOn, takersAt, type AsyncPlan } from './async-schedule';

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
 * time it stood paused, so the window keeps what was left of it; when the step has takers and
 * every one of them took their turn meanwhile, the room moves on at once (A30). Answers `after` itself otherwise.
 */
export function followResume(
	before: ControlState,
	after: ControlState,
	plan: AsyncPlan,
	now: number
): ControlState {
	const schedule = after.async;
	if (before.pause === null || after.pause !== null || !counting(schedule)) return after;
	const paused = Math.max(0, now - pausedSince(before.pause.at, schedule));
	const resumed: ControlState = {
		...after,
		async: {
			...schedule,
			deadlineAt: schedule.deadlineAt + paused,
			pausedMs: schedule.pausedMs + paused
		}
	};
	// Only the move on a turn deferred (A5): a step nobody takes a turn in (a person's Next to a
	// live phase) waits for its deadline, paused or not.
	const takers = takersAt(resumed, plan, resumed.step);
	const allTaken = takers.length > 0 && takers.every((id) => schedule.taken.includes(id));
	return allTaken ? moveOn(resumed, plan, now) : resumed;
}
