import { describe, expect, test } from 'vitest';
import { applyControlCommand, initialControlState, type PhasePlan } from './control';
import type { ControlCommand, ControlState } from '../protocol/control';

const plan: PhasePlan = { phases: [{ durationSec: 180 }, { durationSec: 30 }, {}] };
const T0 = 1_700_000_000_000;

function apply(state: ControlState, command: ControlCommand, now = T0): ControlState {
	const result = applyControlCommand(state, command, plan, now);
	if (!result.ok) throw new Error(result.error.message);
	return result.state;
}

describe('phase machine', () => {
	test('a new room starts at the first phase with its timebox', () => {
		expect(initialControlState(plan)).toEqual({
			phaseIndex: 0,
			timer: { status: 'idle', durationMs: 180_000 }
		});
	});

	test('two people asking for the same next phase move the room one phase, not two', () => {
		const start = initialControlState(plan);
		const target = start.phaseIndex + 1;
		const afterFirst = apply(start, { type: 'phase.goto', target });
		const afterSecond = apply(afterFirst, { type: 'phase.goto', target });
		expect(afterSecond.phaseIndex).toBe(1);
		expect(afterSecond).toBe(afterFirst);
	});

	test('changing phase resets the timer to the new phase timebox', () => {
		const running = apply(initialControlState(plan), { type: 'timer.start' });
		expect(apply(running, { type: 'phase.goto', target: 1 }).timer).toEqual({
			status: 'idle',
			durationMs: 30_000
		});
		expect(apply(running, { type: 'phase.goto', target: 2 }).timer.durationMs).toBe(0);
	});

	test('going back to an earlier phase is allowed', () => {
		const second = apply(initialControlState(plan), { type: 'phase.goto', target: 1 });
		expect(apply(second, { type: 'phase.goto', target: 0 }).phaseIndex).toBe(0);
	});

	test('a phase past the end is refused with a message and changes nothing', () => {
		const start = initialControlState(plan);
		const result = applyControlCommand(start, { type: 'phase.goto', target: 3 }, plan, T0);
		expect(result).toEqual({
			ok: false,
			error: { code: 'invalid_command', message: 'There is no phase 4: this playbook has 3.' }
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
