import type { ControlState } from '../protocol/control';
import { counting, moveOn, waitingFor, type AsyncPlan } from './async-schedule';

/**
 * A room on turns paused for everyone (protocol A28–A30): while paused its deadline stands still
 * (`nextWakeAt` and `tick` see nothing due); resuming gives the window back what was left of it.
 * Time is passed in; nothing here reads a clock.
 */

/** What was left of the current window when the room was paused, or undefined when not paused. */
export function leftAtPause(state: ControlState): number | undefined {
	const schedule = state.async;
	if (state.pause === null || !counting(schedule)) return undefined;
	return Math.max(0, schedule.deadlineAt - state.pause.at);
}

/**
 * The room was resumed from `before`'s pause and is `after` (A29): its deadline moves on by the
 * time it stood paused, so the window keeps what was left of it; when every taker took their
 * turn meanwhile, the room moves on at once (A30). Answers `after` itself otherwise.
 */
export function followResume(
	before: ControlState,
	after: ControlState,
	plan: AsyncPlan,
	now: number
): ControlState {
	const schedule = after.async;
	if (before.pause === null || after.pause !== null || !counting(schedule)) return after;
	const paused = Math.max(0, now - before.pause.at);
	const resumed: ControlState = {
		...after,
		async: {
			...schedule,
			deadlineAt: schedule.deadlineAt + paused,
			pausedMs: schedule.pausedMs + paused
		}
	};
	return waitingFor(resumed, plan).length === 0 ? moveOn(resumed, plan, now) : resumed;
}
