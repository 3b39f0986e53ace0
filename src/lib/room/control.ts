import type { ControlCommand, ControlState } from '../protocol/control';
import type { ProtocolError } from '../protocol/socket-events';
import { assertNever } from '../assert-never';
import { planSteps, type RoundPlan } from './steps';
import { addMinute, idleTimer, pauseTimer, startTimer } from './timer';

/** What the step machine needs of a playbook: its phases with their timeboxes, and rounds. */
export interface PhasePlan extends RoundPlan {
	phases: readonly { durationSec?: number | undefined; repeatsPerRound?: boolean | undefined }[];
}

export type ControlResult = { ok: true; state: ControlState } | { ok: false; error: ProtocolError };

function timeboxMs(plan: PhasePlan, step: number): number {
	const phaseIndex = planSteps(plan)[step]?.phaseIndex ?? 0;
	return (plan.phases[phaseIndex]?.durationSec ?? 0) * 1000;
}

/** A new room: first step, its timer showing the whole timebox. */
export function initialControlState(plan: PhasePlan): ControlState {
	return { step: 0, timer: idleTimer(timeboxMs(plan, 0)) };
}

/**
 * Applies one command to the room's control state at server time `now`. Commands are
 * idempotent where two people may send the same one at once: moving to the step the room is
 * already at, or pausing a paused timer, succeeds and changes nothing.
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
		case 'step.goto': {
			const total = planSteps(plan).length;
			if (command.target >= total) {
				return {
					ok: false,
					error: {
						code: 'invalid_command',
						message: `There is no step ${command.target + 1}: this session has ${total}.`
					}
				};
			}
			if (command.target === state.step) return { ok: true, state };
			return {
				ok: true,
				state: { step: command.target, timer: idleTimer(timeboxMs(plan, command.target)) }
			};
		}
		case 'timer.start':
		case 'timer.resume':
			return withTimer(startTimer(state.timer, now));
		case 'timer.pause':
			return withTimer(pauseTimer(state.timer, now));
		case 'timer.reset':
			return withTimer(idleTimer(timeboxMs(plan, state.step)));
		case 'timer.add-minute':
			return withTimer(addMinute(state.timer, now));
		default:
			return assertNever(command);
	}
}
