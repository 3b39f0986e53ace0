import { describe, expect, test } from 'vitest';
import { controlStateSchema, type ControlState } from '../protocol/control';
import { nextWakeAt } from './async-clock';
import { leftAtPause } from './async-pause';
import { ana, ben, HOUR, playbook, started, T0 } from './async-schedule.fixture';
import { decide, type Decision, type RoomCommand } from './decide';

/** `command` from `by` at server time `now`, through the same decision path as the server's. */
function at(now: number, state: ControlState, command: RoomCommand, by: string = ana): Decision {
	return decide(
		state,
		command,
		{ participantId: by, present: [ana, ben] },
		{ playbook, now, sealedRatings: () => ({}) }
	);
}

function decided(decision: Decision) {
	if (!decision.ok) throw new Error(decision.error.message);
	return decision;
}

/** The room on turns since T0 (Ana's story due at T0 + 24 h), paused at T0 + 2 h. */
const paused = () => decided(at(T0 + 2 * HOUR, started(), { type: 'room.pause' })).state;

/** A stored state read back, as a restarted server loads it from the document. */
const reloaded = (state: ControlState) =>
	controlStateSchema.parse(JSON.parse(JSON.stringify(state)));

describe('a room on turns paused for everyone', () => {
	test('[A28] while paused the deadline does not pass: the clock has nothing to wake for', () => {
		const state = paused();
		expect(nextWakeAt(state)).toBeUndefined();
		const ticked = decided(at(T0 + 30 * HOUR, state, { type: 'async.tick' }, ''));
		expect(ticked.state).toBe(state);
		expect(ticked.effects).toEqual([]);
	});

	test('[A29] resuming gives the window back what was left of it at the pause', () => {
		expect(leftAtPause(paused())).toBe(22 * HOUR);
		const resumed = decided(at(T0 + 12 * HOUR, paused(), { type: 'room.resume' })).state;
		expect(resumed.step).toBe(1);
		expect(resumed.async).toMatchObject({ deadlineAt: T0 + 34 * HOUR, pausedMs: 10 * HOUR });
		expect(leftAtPause(resumed)).toBeUndefined();
	});

	test('[A29] the reminder keeps its place in the window: 3 hours before the moved deadline', () => {
		const resumed = decided(at(T0 + 12 * HOUR, paused(), { type: 'room.resume' })).state;
		expect(nextWakeAt(resumed)).toBe(T0 + 31 * HOUR);
		const early = decided(at(T0 + 22 * HOUR, resumed, { type: 'async.tick' }, ''));
		expect(early.effects).toEqual([]);
	});

	test('[A29] across a restart: the stored pause and deadline are server time, and resume the same', () => {
		const stored = reloaded(paused());
		expect(nextWakeAt(stored)).toBeUndefined();
		const resumed = decided(at(T0 + 12 * HOUR, stored, { type: 'room.resume' })).state;
		const again = reloaded(resumed);
		expect(again.async?.deadlineAt).toBe(T0 + 34 * HOUR);
		expect(nextWakeAt(again)).toBe(T0 + 31 * HOUR);
		const due = decided(at(T0 + 34 * HOUR, again, { type: 'async.tick' }, ''));
		expect(due.state.step).toBe(2);
	});

	test('[A29] a window that opened after the pause gets back only its own paused time', () => {
		// Paused at T0 + 2 h before A28, the clock still moved the room on at T0 + 24 h.
		const stored = paused();
		const legacy: ControlState = {
			...stored,
			step: 2,
			async: stored.async && {
				...stored.async,
				openedAt: T0 + 24 * HOUR,
				deadlineAt: T0 + 48 * HOUR
			}
		};
		expect(leftAtPause(legacy)).toBe(24 * HOUR);
		const resumed = decided(at(T0 + 30 * HOUR, legacy, { type: 'room.resume' })).state;
		expect(resumed.async).toMatchObject({ deadlineAt: T0 + 54 * HOUR, pausedMs: 6 * HOUR });
	});

	test('[A29] a reminder sent before a long pause goes out again for the moved deadline', () => {
		const warned = decided(at(T0 + 22 * HOUR, started(), { type: 'async.tick' }, ''));
		expect(warned.state.async?.warned).toBe(true);
		const pausedLate = decided(at(T0 + 23 * HOUR, warned.state, { type: 'room.pause' })).state;
		const resumed = decided(at(T0 + 71 * HOUR, pausedLate, { type: 'room.resume' })).state;
		expect(resumed.async).toMatchObject({ deadlineAt: T0 + 72 * HOUR, warned: false });
		expect(nextWakeAt(resumed)).toBeLessThanOrEqual(T0 + 71 * HOUR);
		const reminded = decided(at(T0 + 71 * HOUR, resumed, { type: 'async.tick' }, ''));
		expect(reminded.effects).toEqual([
			{
				type: 'turn-event',
				event: {
					type: 'deadline-near',
					phaseIndex: 1,
					personIds: [ana],
					deadlineAt: T0 + 72 * HOUR
				}
			}
		]);
	});

	test('[A29] a short pause after the reminder does not send it again', () => {
		const warned = decided(at(T0 + 22 * HOUR, started(), { type: 'async.tick' }, '')).state;
		const pausedLate = decided(at(T0 + 23 * HOUR, warned, { type: 'room.pause' })).state;
		const resumed = decided(at(T0 + 24 * HOUR, pausedLate, { type: 'room.resume' })).state;
		expect(resumed.async).toMatchObject({ deadlineAt: T0 + 25 * HOUR, warned: true });
	});

	test('[A28] a pause after the deadline passed comes after the room moved on', () => {
		const late = decided(at(T0 + 24 * HOUR + 5, started(), { type: 'room.pause' }));
		expect(late.state.step).toBe(2);
		expect(late.state.pause).toEqual({ at: T0 + 24 * HOUR + 5, timerWasRunning: false });
		expect(late.state.async?.missed).toEqual([{ phaseIndex: 1, round: 1, personIds: [ana] }]);
		expect(leftAtPause(late.state)).toBe(24 * HOUR);
		// Ben cannot take his turn while paused: he is told at the resume.
		expect(late.effects.filter((effect) => effect.type === 'turn-event')).toEqual([]);
		const resumed = decided(at(T0 + 25 * HOUR, late.state, { type: 'room.resume' }));
		expect(resumed.effects).toContainEqual({
			type: 'turn-event',
			event: { type: 'turn-started', phaseIndex: 2, personIds: [ben] }
		});
	});

	test('[A30] a step nobody takes a turn in stays put over a pause and resume', () => {
		// A person's Next took the room to the silence (step 3), which waits for its deadline.
		const silence = decided(at(T0 + HOUR, started(), { type: 'step.goto', target: 3 })).state;
		expect(silence.step).toBe(3);
		const pausedThere = decided(at(T0 + 2 * HOUR, silence, { type: 'room.pause' })).state;
		const resumed = decided(at(T0 + 5 * HOUR, pausedThere, { type: 'room.resume' }));
		expect(resumed.state.step).toBe(3);
		expect(resumed.state.async?.deadlineAt).toBe(T0 + 28 * HOUR);
		expect(resumed.effects).toEqual([]);
	});

	test('[A30] taking a turn, extending, going live or starting turns waits for the resume', () => {
		for (const command of [
			{ type: 'async.turn', step: 1 },
			{ type: 'async.second-take', step: 1 },
			{ type: 'async.extend', step: 1 },
			{ type: 'async.live' },
			{ type: 'async.resume' },
			{ type: 'async.start', windowsMs: {} }
		] as const) {
			const refused = at(T0 + 3 * HOUR, paused(), command);
			expect(refused.ok ? undefined : refused.error.params?.reason).toBe('paused');
		}
	});

	test('[A29] a resume tells whoever the step waits for, once, that their turn is on', () => {
		const resumed = decided(at(T0 + 12 * HOUR, paused(), { type: 'room.resume' }));
		expect(resumed.effects).toEqual([
			{ type: 'turn-event', event: { type: 'turn-started', phaseIndex: 1, personIds: [ana] } }
		]);
	});
});
