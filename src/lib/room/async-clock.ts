import type { AsyncState, ControlState } from '../protocol/control';
import { HOUR_MS } from '../time-units';
import { moveOn, type AsyncPlan } from './async-schedule';
import { counting } from './async-takers';

/**
 * The schedule as the server's clock sees it (protocol A6, A9, A10, A28): when to look at a room
 * next, and what is due when it does. Time is passed in; nothing here reads a clock.
 */

/** "A few hours before" a deadline: the reminder, or half the window when that is shorter. */
const NEAR_DEADLINE_MS = 3 * HOUR_MS;

/** How long before the deadline "deadline near" goes out: 3 hours, or half the window when shorter. */
export function reminderLeadOf(schedule: AsyncState & { deadlineAt: number }): number {
	const window = schedule.deadlineAt - schedule.openedAt - schedule.pausedMs;
	return Math.min(NEAR_DEADLINE_MS, Math.floor(window / 2));
}

/** When "deadline near" goes out. */
const nearAt = (schedule: AsyncState & { deadlineAt: number }): number =>
	schedule.deadlineAt - reminderLeadOf(schedule);

/**
 * When the server must next look at the schedule (A10), or undefined when nothing is due: also
 * while the room is paused, which takes its entry out of the wake index (A14, A28).
 */
export function nextWakeAt(state: ControlState): number | undefined {
	const schedule = state.async;
	// Paused for everyone, the schedule stands still until someone resumes (A28).
	if (!counting(schedule) || state.pause !== null) return undefined;
	return schedule.warned ? schedule.deadlineAt : nearAt(schedule);
}

/**
 * What the server's clock does at `now` (A6, A9): past the deadline the room moves on; near it
 * the reminder is marked as sent. Answers `state` itself when nothing is due.
 */
export function tick(state: ControlState, plan: AsyncPlan, now: number): ControlState {
	const schedule = state.async;
	if (!counting(schedule) || state.pause !== null) return state;
	if (now >= schedule.deadlineAt) return moveOn(state, plan, now);
	if (!schedule.warned && now >= nearAt(schedule)) {
		return { ...state, async: { ...schedule, warned: true } };
	}
	return state;
}
