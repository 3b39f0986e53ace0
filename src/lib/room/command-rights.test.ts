import { describe, expect, test } from 'vitest';
import { initialControlState } from './control';
import { settleRoom } from './room-rules';
import { ana, apply, ben, cy, everyone, hosted, plan, run, start, T0 } from './room-rules.fixture';

describe('rules that hold for every command', () => {
	test('someone who has not confirmed the agreements may confirm or pause, nothing else', () => {
		const fresh = initialControlState(plan);
		expect(run(fresh, { type: 'step.goto', target: 1 })).toMatchObject({
			ok: false,
			error: { code: 'not_allowed', message: 'Confirm the room’s agreements before taking part.' }
		});
		expect(run(fresh, { type: 'hand.raise' }).ok).toBe(false);
		expect(run(fresh, { type: 'room.pause' }).ok).toBe(true);
		const agreed = apply(fresh, { type: 'agreements.confirm' });
		expect(apply(agreed, { type: 'step.goto', target: 1 }).step).toBe(1);
	});

	test('while the room is paused, phases and timer wait, and readiness does not move it on', () => {
		const paused = apply(start, { type: 'room.pause' }, cy);
		expect(run(paused, { type: 'timer.start' })).toMatchObject({
			ok: false,
			error: {
				code: 'invalid_command',
				message: 'The room is paused for everyone. Resume it first.'
			}
		});
		let state = paused;
		for (const id of everyone)
			state = apply(state, { type: 'ready.set', step: 0, ready: true }, id);
		expect(state.step).toBe(0);
		expect(settleRoom(state, plan, everyone, T0).step).toBe(0);
		const resumed = apply(state, { type: 'room.resume' }, ana);
		expect(settleRoom(resumed, plan, everyone, T0).step).toBe(1);
	});

	test('someone removed can send nothing', () => {
		const removed = apply(hosted, { type: 'host.remove', participantId: cy });
		expect(run(removed, { type: 'room.pause' }, cy)).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
	});

	test('a locked room opens again when its host’s role lapses', () => {
		const locked = apply(hosted, { type: 'host.lock-room', locked: true });
		expect(settleRoom(locked, plan, everyone, T0).roomLocked).toBe(true);
		expect(settleRoom(locked, plan, [ben, cy], T0)).toMatchObject({
			host: null,
			roomLocked: false
		});
	});
});
