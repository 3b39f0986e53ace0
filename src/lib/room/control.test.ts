import { describe, expect, test } from 'vitest';
import type { ControlState } from '../protocol/control';
import {
	applyControlCommand,
	initialControlState,
	startHistory,
	type PhaseCommand,
	type PhasePlan
} from './control';

const plan: PhasePlan = { phases: [{ durationSec: 180 }, { durationSec: 30 }, {}] };
const T0 = 1_700_000_000_000;

function apply(state: ControlState, command: PhaseCommand, now = T0): ControlState {
	const result = applyControlCommand(state, command, plan, now);
	if (!result.ok) throw new Error(result.error.message);
	return result.state;
}

describe('step machine', () => {
	test('a new room starts at the first phase with its timebox', () => {
		expect(initialControlState(plan)).toMatchObject({
			step: 0,
			timer: { status: 'idle', durationMs: 180_000 },
			history: [],
			people: {},
			ratings: {},
			host: null,
			pause: null
		});
	});

	test('two people asking for the same next phase move the room one phase, not two', () => {
		const start = initialControlState(plan);
		const target = start.step + 1;
		const afterFirst = apply(start, { type: 'step.goto', target });
		const afterSecond = apply(afterFirst, { type: 'step.goto', target });
		expect(afterSecond.step).toBe(1);
		expect(afterSecond).toBe(afterFirst);
	});

	test('changing phase resets the timer to the new phase timebox', () => {
		const running = apply(initialControlState(plan), { type: 'timer.start' });
		expect(apply(running, { type: 'step.goto', target: 1 }).timer).toEqual({
			status: 'idle',
			durationMs: 30_000
		});
		expect(apply(running, { type: 'step.goto', target: 2 }).timer.durationMs).toBe(0);
	});

	test('[S5] a move naming the step it was pressed on is refused once the room has left that step', () => {
		// Pressed on step 0, arriving after someone moved the room on to 2: going to 1 would take
		// the room back a step nobody asked to leave.
		const third = apply(initialControlState(plan), { type: 'step.goto', target: 2 });
		const late = applyControlCommand(third, { type: 'step.goto', target: 1, from: 0 }, plan, T0);
		expect(late).toEqual({
			ok: false,
			error: {
				code: 'invalid_command',
				message: 'The room moved on before your move arrived, so it was not made.',
				params: { reason: 'moved_on' }
			}
		});
	});

	test('[S5] a move naming the step it was pressed on is made while the room is still there', () => {
		const start = initialControlState(plan);
		expect(apply(start, { type: 'step.goto', target: 1, from: 0 }).step).toBe(1);
		// Someone else's identical move came first: already there, nothing to do.
		const second = apply(start, { type: 'step.goto', target: 1 });
		expect(apply(second, { type: 'step.goto', target: 1, from: 0 })).toBe(second);
	});

	test('going back to an earlier phase is allowed', () => {
		const second = apply(initialControlState(plan), { type: 'step.goto', target: 1 });
		expect(apply(second, { type: 'step.goto', target: 0 }).step).toBe(0);
	});

	test('a phase past the end is refused with a message and changes nothing', () => {
		const start = initialControlState(plan);
		const result = applyControlCommand(start, { type: 'step.goto', target: 3 }, plan, T0);
		expect(result).toEqual({
			ok: false,
			error: {
				code: 'invalid_command',
				message: 'There is no step 4: this session has 3.',
				params: { reason: 'no_such_step', asked: 4, count: 3 }
			}
		});
	});

	test('timer commands follow the timer rules and reset uses the current phase', () => {
		const running = apply(initialControlState(plan), { type: 'timer.start' }, T0);
		const paused = apply(running, { type: 'timer.pause' }, T0 + 10_000);
		expect(paused.timer).toEqual({ status: 'paused', durationMs: 180_000, remainingMs: 170_000 });
		const resumed = apply(paused, { type: 'timer.resume' }, T0 + 50_000);
		expect(resumed.timer).toEqual({
			status: 'running',
			durationMs: 170_000,
			startedAt: T0 + 50_000
		});
		const longer = apply(resumed, { type: 'timer.add-minute' }, T0 + 50_000);
		expect(longer.timer).toEqual({
			status: 'running',
			durationMs: 230_000,
			startedAt: T0 + 50_000
		});
		expect(apply(longer, { type: 'timer.reset' }).timer).toEqual({
			status: 'idle',
			durationMs: 180_000
		});
	});

	test('a pause nobody needed returns the same state object', () => {
		const start = initialControlState(plan);
		expect(apply(start, { type: 'timer.pause' })).toBe(start);
	});
});

describe('steps with rounds', () => {
	const rounds: PhasePlan = {
		phases: [{ durationSec: 60 }, { durationSec: 180, repeatsPerRound: true }, { durationSec: 90 }],
		rounds: 2
	};

	test('a repeating phase is a step in each round, each with its own timebox', () => {
		const second = applyControlCommand(
			initialControlState(rounds),
			{ type: 'step.goto', target: 2 },
			rounds,
			T0
		);
		expect(second.ok && second.state.step).toBe(2);
		expect(second.ok && second.state.timer).toEqual({ status: 'idle', durationMs: 180_000 });
		const last = applyControlCommand(
			initialControlState(rounds),
			{ type: 'step.goto', target: 3 },
			rounds,
			T0
		);
		expect(last.ok && last.state.timer.durationMs).toBe(90_000);
		expect(
			applyControlCommand(initialControlState(rounds), { type: 'step.goto', target: 4 }, rounds, T0)
				.ok
		).toBe(false);
	});

	const at = (step: number, plan = rounds) => {
		const result = applyControlCommand(
			initialControlState(plan),
			{ type: 'step.goto', target: step },
			plan,
			T0
		);
		if (!result.ok) throw new Error(result.error.message);
		return result.state;
	};
	const more = (state: ControlState, count: number, step = state.step) =>
		applyControlCommand(state, { type: 'round.more', rounds: count, step }, rounds, T0 + 5_000);

	test('one more round at the end of the last round moves into it', () => {
		const result = more(at(2), 3);
		expect(result.ok && result.state.rounds).toBe(3);
		expect(result.ok && result.state.step).toBe(3);
		expect(result.ok && result.state.timer).toEqual({ status: 'idle', durationMs: 180_000 });
		// The closing phase is now one step later.
		const closing = result.ok
			? applyControlCommand(result.state, { type: 'step.goto', target: 4 }, rounds, T0)
			: result;
		expect(closing.ok && closing.state.timer.durationMs).toBe(90_000);
	});

	test('two people asking for one more round at once add one round', () => {
		const first = more(at(2), 3);
		if (!first.ok) throw new Error(first.error.message);
		const second = more(first.state, 3, 2);
		expect(second.ok && second.state).toBe(first.state);
		expect(more(first.state, 5).ok).toBe(false);
	});

	test('one more round is refused anywhere but the end of the last round', () => {
		expect(more(at(1), 3).ok).toBe(false);
		// Someone pressed Next first: the room is at the closing phase, not the end of the round.
		const late = more(at(3), 3, 2);
		expect(late.ok || late.error.message).toBe(
			'One more round can only start at the end of the last round.'
		);
	});

	test('the history records which phase and round began when', () => {
		const first = at(1);
		expect(first.history).toEqual([
			{ phaseIndex: 0, round: 1, at: T0 },
			{ phaseIndex: 1, round: 1, at: T0 }
		]);
		const second = applyControlCommand(first, { type: 'step.goto', target: 2 }, rounds, T0 + 9_000);
		expect(second.ok && second.state.history.at(-1)).toEqual({
			phaseIndex: 1,
			round: 2,
			at: T0 + 9_000
		});
	});

	test('the history starts once, at the step the room is at', () => {
		const started = startHistory(initialControlState(rounds), rounds, T0);
		expect(started.history).toEqual([{ phaseIndex: 0, round: 1, at: T0 }]);
		expect(startHistory(started, rounds, T0 + 1)).toBe(started);
	});

	test('a silence starts its own short timebox as soon as it begins', () => {
		const silent: PhasePlan = {
			phases: [{ durationSec: 60 }, { durationSec: 30, tool: 'silence' }]
		};
		expect(at(1, silent).timer).toEqual({ status: 'running', durationMs: 30_000, startedAt: T0 });
	});
});
