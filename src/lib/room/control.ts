import type { ControlCommand, ControlState } from '../protocol/control';
import type { ProtocolError } from '../protocol/socket-events';
import { assertNever } from '../assert-never';
import { addMinute, idleTimer, pauseTimer, resetTimer, startTimer } from './timer';

/** What the phase machine needs of a playbook: how many phases, and each one's timebox. */
export interface PhasePlan {
	phases: readonly { durationSec?: number | undefined }[];
}

export type ControlResult = { ok: true; state: ControlState } | { ok: false; error: ProtocolError };

function timeboxMs(plan: PhasePlan, phaseIndex: number): number {
	return (plan.phases[phaseIndex]?.durationSec ?? 0) * 1000;
}

/** A new room: first phase, its timer showing the whole timebox. */
export function initialControlState(plan: PhasePlan): ControlState {
	return { phaseIndex: 0, timer: idleTimer(timeboxMs(plan, 0)) };
}

/**
 * Applies one command to the room's control state at server time `now`. Commands are
 * idempotent where two people may send the same one at once: moving to the phase the room is
 * already in, or pausing a paused timer, succeeds and changes nothing.
 */
export function applyControlCommand(
	state: ControlState,
	command: ControlCommand,
	plan: PhasePlan,
	now: number
): ControlResult {
	const withTimer = (timer: ControlState['timer']): ControlResult => ({
		ok: true,
		state: timer === state.timer ? state : { ...state, timer }
	});
	switch (command.type) {
		case 'phase.goto': {
			if (command.target >= plan.phases.length) {
				return {
					ok: false,
					error: {
						code: 'invalid_command',
						message: `There is no phase ${command.target + 1}: this playbook has ${plan.phases.length}.`
					}
				};
			}
			if (command.target === state.phaseIndex) return { ok: true, state };
			return {
				ok: true,
				state: { phaseIndex: command.target, timer: idleTimer(timeboxMs(plan, command.target)) }
			};
		}
		case 'timer.start':
		case 'timer.resume':
			return withTimer(startTimer(state.timer, now));
		case 'timer.pause':
			return withTimer(pauseTimer(state.timer, now));
		case 'timer.reset':
			return withTimer(resetTimer(timeboxMs(plan, state.phaseIndex)));
		case 'timer.add-minute':
			return withTimer(addMinute(state.timer, now));
		default:
			return assertNever(command);
	}
}
