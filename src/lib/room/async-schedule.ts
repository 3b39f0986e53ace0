import type { AsyncState, ControlState, TurnWindows } from '../protocol/control';
import { ownValue } from '../protocol/own-key';
import { isTurnPhase, runsAsTurns } from '../protocol/turn-phases';
import type { RefusalReason } from '../protocol/socket-events';
import { HOUR_MS } from '../time-units';
import {
	applyControlCommand,
	invalid,
	sessionPlan,
	type ControlRefusal,
	type ControlResult
} from './control';
import {
	counting,
	placesOf,
	steering,
	takersAt,
	turnRoles,
	waitingFor,
	type Counting
} from './async-takers';
import type { RotationPlan } from './rotation';
import { planSteps } from './steps';
import { takeTurns, type TurnPlan } from './turns';

/** A phase's window when the starter chose none. */
export const DEFAULT_TURN_WINDOW_MS = 24 * HOUR_MS;
/** Soft ends the room keeps; far more than a session has steps. */
const MISSED_LIMIT = 200;

/**
 * What the schedule needs of a playbook: its phases with ids and turn roles, its rotation, and
 * its group size (the room's places, A33).
 */
export type AsyncPlan = Omit<TurnPlan, 'phases'> &
	RotationPlan & {
		groupSize: { max: number };
		phases: readonly {
			id: string;
			turnBy?: readonly string[] | undefined;
			durationSec?: number | undefined;
			repeatsPerRound?: boolean | undefined;
			tool?: string | undefined;
		}[];
	};

const refuse = (message: string, reason: RefusalReason): ControlRefusal =>
	invalid(message, { reason });
/** A schedule command in a room that is not on turns. */
export const notAsync = (): ControlRefusal =>
	refuse('This room is not taking turns right now.', 'not_async');
/** A move for a step the room has already left. */
export const movedOn = (): ControlRefusal =>
	refuse('The room moved on before your move arrived, so it was not made.', 'moved_on');
/** A turn's move from someone who does not take a turn in the step. */
export const notYourTurn = (): ControlRefusal =>
	refuse('It is not your turn in this phase.', 'not_your_turn');
const ok = (state: ControlState): ControlResult => ({ ok: true, state });

/** Phase ids in `windows` that do not run as turns in `plan`: a starter's mistake to name. */
export const strayWindows = (plan: AsyncPlan, windows: TurnWindows): string[] =>
	Object.keys(windows).filter(
		(id) => !plan.phases.some((phase) => phase.id === id && isTurnPhase(phase))
	);

/** The window of phase `phaseIndex`: the starter's choice, else 24 hours. */
export function windowOf(plan: AsyncPlan, windows: TurnWindows, phaseIndex: number): number {
	const id = plan.phases[phaseIndex]?.id;
	return (id === undefined ? undefined : ownValue(windows, id)) ?? DEFAULT_TURN_WINDOW_MS;
}

/** The first step at or after `from` whose phase runs as turns. */
function turnStepFrom(state: ControlState, plan: AsyncPlan, from: number): number | undefined {
	const steps = planSteps(sessionPlan(plan, state));
	for (let step = from; step < steps.length; step++) {
		const at = steps[step];
		if (at && turnRoles(plan, at.phaseIndex).length > 0) return step;
	}
	return undefined;
}

/** The phase of `step`, the room's current step unless named. */
export const phaseIndexAt = (state: ControlState, plan: AsyncPlan, step = state.step) =>
	planSteps(sessionPlan(plan, state))[step]?.phaseIndex ?? 0;

/** Opens the current step's window at `now`: nobody has taken a turn in it yet. */
function openWindow(state: ControlState, plan: AsyncPlan, now: number): ControlState {
	const schedule = state.async;
	if (!schedule) return state;
	const window = windowOf(plan, schedule.windowsMs, phaseIndexAt(state, plan));
	return {
		...state,
		async: {
			...schedule,
			openedAt: now,
			deadlineAt: now + window,
			extended: false,
			warned: false,
			taken: [],
			pausedMs: 0
		}
	};
}

/** Moves to `target` as the phase rules do, records its speaker, and opens its window. */
export function enter(
	state: ControlState,
	plan: AsyncPlan,
	target: number,
	now: number
): ControlState {
	const moved = applyControlCommand(state, { type: 'step.goto', target }, plan, now);
	const entered = moved.ok ? moved.state : state;
	return openWindow(takeTurns(entered, plan, placesOf(entered, plan)), plan, now);
}

/** The schedule has no more deadlines: the room rests on its last step. */
const closeSchedule = (state: ControlState, schedule: AsyncState): ControlState => ({
	...state,
	async: { ...schedule, deadlineAt: null }
});

/**
 * Moves the room on from its step (A5, A6): who has not taken their turn is recorded (the soft
 * end), then the room enters the next step that runs as turns; after the last one it goes to the
 * session's last step and the schedule ends.
 */
export function moveOn(state: ControlState, plan: AsyncPlan, now: number): ControlState {
	const schedule = state.async;
	if (!schedule) return state;
	const missing = waitingFor(state, plan);
	const at = planSteps(sessionPlan(plan, state))[state.step];
	const missed =
		missing.length > 0 && at
			? [
					...schedule.missed,
					{ phaseIndex: at.phaseIndex, round: at.round, personIds: missing }
				].slice(-MISSED_LIMIT)
			: schedule.missed;
	const recorded = { ...state, async: { ...schedule, missed } };
	const next = turnStepFrom(recorded, plan, state.step + 1);
	if (next !== undefined) return enter(recorded, plan, next, now);
	const last = planSteps(sessionPlan(plan, recorded)).length - 1;
	const atEnd = last > state.step ? enter(recorded, plan, last, now) : recorded;
	return closeSchedule(atEnd, { ...(atEnd.async ?? recorded.async), missed });
}

/**
 * The schedule while `step`'s window is still open at `now`, or the refusal of a move made in it.
 * Past the deadline the turn is over (A7), even before the server's clock has moved the room on.
 */
export function stepWindow(
	state: ControlState,
	step: number,
	now: number
): { ok: true; schedule: Counting } | ControlRefusal {
	const schedule = state.async;
	if (!counting(schedule)) return notAsync();
	if (step !== state.step || now >= schedule.deadlineAt) return movedOn();
	return { ok: true, schedule };
}

/**
 * Starts running the room as turns from its current step (A1): the first step from here that
 * runs as turns opens its window. Starting a room already on turns changes nothing.
 */
export function startTurns(
	state: ControlState,
	plan: AsyncPlan,
	windowsMs: TurnWindows,
	now: number
): ControlResult {
	if (!runsAsTurns(plan)) {
		return refuse('This playbook cannot run across time zones.', 'async_unsupported');
	}
	if (strayWindows(plan, windowsMs).length > 0) {
		return refuse('Windows can only be set for phases that run as turns.', 'async_unsupported');
	}
	if (state.async?.mode === 'async') return ok(state);
	const schedule: AsyncState = {
		mode: 'async',
		windowsMs,
		openedAt: now,
		deadlineAt: null,
		extended: false,
		warned: false,
		taken: [],
		pausedMs: 0,
		missed: state.async?.missed ?? [],
		secondTakes: state.async?.secondTakes ?? []
	};
	const started = { ...state, async: schedule };
	const first = turnStepFrom(started, plan, state.step);
	if (first === undefined) return ok(started);
	return ok(
		first === state.step ? openWindow(started, plan, now) : enter(started, plan, first, now)
	);
}

/**
 * `personId` took their turn in `step` (A4); when every taker has, the room moves on at once (A5).
 * A turn for a step the room has left changes nothing.
 */
export function takeTurn(
	state: ControlState,
	plan: AsyncPlan,
	personId: string,
	step: number,
	now: number
): ControlResult {
	const schedule = state.async;
	if (!schedule || schedule.mode !== 'async') return notAsync();
	if (step !== state.step || schedule.deadlineAt === null) return ok(state);
	if (!takersAt(state, plan, step).includes(personId)) return notYourTurn();
	if (schedule.taken.includes(personId)) return ok(state);
	const next = { ...state, async: { ...schedule, taken: [...schedule.taken, personId] } };
	return ok(waitingFor(next, plan).length === 0 ? moveOn(next, plan, now) : next);
}

/** One more window for the current step, once, before its deadline (A7). */
export function extendTurns(
	state: ControlState,
	plan: AsyncPlan,
	step: number,
	now: number
): ControlResult {
	const open = stepWindow(state, step, now);
	if (!open.ok) return open;
	const { schedule } = open;
	if (schedule.extended) return refuse('This phase was already extended once.', 'extended_once');
	const window = windowOf(plan, schedule.windowsMs, phaseIndexAt(state, plan));
	return ok({
		...state,
		async: {
			...schedule,
			deadlineAt: schedule.deadlineAt + window,
			extended: true,
			warned: false
		}
	});
}

/**
 * "We're both here: go live" (A8): the deadlines rest while at least two people steer the room:
 * holding a place, or standing in for someone holding one who is away (`steering`).
 */
export function goLive(
	state: ControlState,
	plan: AsyncPlan,
	present: readonly string[]
): ControlResult {
	const schedule = state.async;
	if (!schedule) return notAsync();
	if (schedule.mode === 'live') return ok(state);
	if (steering(state, plan, present).length < 2) {
		return refuse('Going live needs two people holding a place in the room.', 'live_needs_two');
	}
	return ok({ ...state, async: { ...schedule, mode: 'live' } });
}

/**
 * Back to turns (A8): the current step's window opens again from `now`, keeping the turns taken
 * in it (only ever this step's: `followStep` drops them when the room moves while live); a step
 * that does not run as turns gives way to the next one that does.
 */
export function resumeTurns(state: ControlState, plan: AsyncPlan, now: number): ControlResult {
	const schedule = state.async;
	if (!schedule) return notAsync();
	if (schedule.mode === 'async') return ok(state);
	const resumed = { ...state, async: { ...schedule, mode: 'async' as const } };
	const next = turnStepFrom(resumed, plan, state.step);
	if (next === undefined) return ok(closeSchedule(resumed, resumed.async));
	if (next !== state.step) return ok(enter(resumed, plan, next, now));
	const opened = openWindow(resumed, plan, now);
	return ok({ ...opened, async: { ...(opened.async ?? resumed.async), taken: schedule.taken } });
}

/**
 * The step moved by other means (a person's Next in a room of turns): its window opens. Played
 * live, the turns taken stay with the step they were taken in (A8): a move leaves them behind, so
 * back on turns they do not count for another step. Answers `after` itself when the schedule
 * already followed the move, or there is nothing to follow.
 */
export function followStep(
	before: ControlState,
	after: ControlState,
	plan: AsyncPlan,
	now: number
): ControlState {
	const schedule = after.async;
	if (after.step === before.step) return after;
	if (schedule?.mode === 'live' && schedule.taken.length > 0) {
		return { ...after, async: { ...schedule, taken: [] } };
	}
	if (!counting(schedule) || schedule.openedAt !== before.async?.openedAt) return after;
	return openWindow(takeTurns(after, plan, placesOf(after, plan)), plan, now);
}
