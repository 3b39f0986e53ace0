import {
	controlStateSchema,
	type ControlCommand,
	type ControlState,
	type HistoryEntry
} from '../protocol/control';
import type { ProtocolError, RefusalParams } from '../protocol/socket-events';
import { assertNever } from '../assert-never';
import { planSteps, type RoundPlan } from './steps';
import { addMinute, idleTimer, pauseTimer, startTimer } from './timer';

/** What the step machine needs of a playbook: its phases with their timeboxes, and rounds. */
export interface PhasePlan extends RoundPlan {
	phases: readonly {
		durationSec?: number | undefined;
		repeatsPerRound?: boolean | undefined;
		tool?: string | undefined;
	}[];
}

/** The commands that move the session along: steps, rounds and the timer. */
export type PhaseCommand = Extract<
	ControlCommand,
	{ type: 'step.goto' | 'round.more' | `timer.${string}` }
>;

export function isPhaseCommand(command: ControlCommand): command is PhaseCommand {
	return (
		command.type === 'step.goto' ||
		command.type === 'round.more' ||
		command.type.startsWith('timer.')
	);
}

export type ControlResult = { ok: true; state: ControlState } | ControlRefusal;
/** A command the room refused; it changes nothing. */
export type ControlRefusal = { ok: false; error: ProtocolError };

/** Steps entered that the history keeps; a session has far fewer. */
const HISTORY_LIMIT = 400;

/** The playbook as this room plays it: with the rounds people added, if any. */
export function sessionPlan<P extends RoundPlan>(
	plan: P,
	control: { rounds?: number | undefined }
): P {
	return control.rounds === undefined ? plan : { ...plan, rounds: control.rounds };
}

/** How many rounds the room plays: the plan's, or more if people added some. */
export function sessionRounds(plan: RoundPlan, control: { rounds?: number | undefined }): number {
	return Math.max(1, sessionPlan(plan, control).rounds ?? 1);
}

function timeboxMs(plan: PhasePlan, step: number): number {
	const phaseIndex = planSteps(plan)[step]?.phaseIndex ?? 0;
	return (plan.phases[phaseIndex]?.durationSec ?? 0) * 1000;
}

/** A new room: first step, its timer showing the whole timebox. */
export function initialControlState(plan: PhasePlan): ControlState {
	return controlStateSchema.parse({ step: 0, timer: idleTimer(timeboxMs(plan, 0)) });
}

/** A command refused as invalid: the room has moved on, or it asks for what cannot be. */
export function invalid(message: string, params: RefusalParams): ControlRefusal {
	return { ok: false, error: { code: 'invalid_command', message, params } };
}

function historyEntry(plan: PhasePlan, step: number, at: number): HistoryEntry {
	const { phaseIndex = 0, round = 1 } = planSteps(plan)[step] ?? {};
	return { phaseIndex, round, at };
}

/**
 * Starts the time record at the room's current step, once: when the first person joins, since a
 * room may be made long before anyone uses it.
 */
export function startHistory(state: ControlState, playbook: PhasePlan, now: number): ControlState {
	if (state.history.length > 0) return state;
	return { ...state, history: [historyEntry(sessionPlan(playbook, state), state.step, now)] };
}

/**
 * Enters `target`: its timer shows the whole timebox, except in a silence, whose short timebox
 * starts at once so nobody has to break the silence to press Start.
 */
function enterStep(
	state: ControlState,
	target: number,
	plan: PhasePlan,
	now: number
): ControlState {
	const phaseIndex = planSteps(plan)[target]?.phaseIndex ?? 0;
	const idle = idleTimer(timeboxMs(plan, target));
	const timer = plan.phases[phaseIndex]?.tool === 'silence' ? startTimer(idle, now) : idle;
	const history = startHistory(state, plan, now).history;
	return {
		...state,
		step: target,
		// Who moved it is known to the room rules, which name them (`applyRoomCommand`).
		movedBy: null,
		timer,
		history: [...history, historyEntry(plan, target, now)].slice(-HISTORY_LIMIT),
		ready: []
	};
}

/**
 * Applies one command to the room's control state at server time `now`. Commands are
 * idempotent where two people may send the same one at once: moving to the step the room is
 * already at, pausing a paused timer or asking for a round already added succeeds and changes
 * nothing.
 */
export function applyControlCommand(
	state: ControlState,
	command: PhaseCommand,
	playbook: PhasePlan,
	now: number
): ControlResult {
	const plan = sessionPlan(playbook, state);
	const withTimer = (timer: ControlState['timer']): ControlResult => ({
		ok: true,
		state: timer === state.timer ? state : { ...state, timer }
	});
	switch (command.type) {
		case 'step.goto': {
			const total = planSteps(plan).length;
			if (command.target >= total) {
				return invalid(`There is no step ${command.target + 1}: this session has ${total}.`, {
					reason: 'no_such_step',
					asked: command.target + 1,
					count: total
				});
			}
			if (command.target === state.step) return { ok: true, state };
			if (command.from !== undefined && command.from !== state.step) {
				return invalid('The room moved on before your move arrived, so it was not made.', {
					reason: 'moved_on'
				});
			}
			return { ok: true, state: enterStep(state, command.target, plan, now) };
		}
		case 'round.more':
			return moreRounds(state, command, plan, now);
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

/**
 * Adds a round from the last step of the last round and moves into it. Asked from anywhere
 * else (the room moved on meanwhile), it is refused: added there, it would change which phase
 * the room's step stands for.
 */
function moreRounds(
	state: ControlState,
	command: Extract<ControlCommand, { type: 'round.more' }>,
	plan: PhasePlan,
	now: number
): ControlResult {
	const current = Math.max(1, plan.rounds ?? 1);
	// Someone else's identical request came first: the room is already in that round.
	if (command.rounds <= current) return { ok: true, state };
	if (command.rounds > current + 1) {
		return invalid(`The session has ${current} rounds; ask for round ${current + 1} next.`, {
			reason: 'next_round',
			asked: current + 1,
			count: current
		});
	}
	const steps = planSteps(plan);
	const at = steps[state.step];
	const endsLastRound =
		at?.repeats === true && at.round === current && !steps[state.step + 1]?.repeats;
	if (command.step !== state.step || !endsLastRound) {
		return invalid('One more round can only start at the end of the last round.', {
			reason: 'round_at_end'
		});
	}
	const more = { ...state, rounds: command.rounds };
	const longer = { ...plan, rounds: command.rounds };
	return { ok: true, state: enterStep(more, state.step + 1, longer, now) };
}
