import { describe, expect, test } from 'vitest';
import type { ControlCommand } from '../protocol/control';
import { planSteps } from '../room/steps';
import {
	actionLabel,
	enqueue,
	keptIn,
	keptMoveOn,
	offlinePolicy,
	offlineNewsWords,
	sortOnReturn,
	stepMoveOf,
	WAIT_REASONS,
	type QueuedAction
} from './offline-actions';

const SELF = 'self-id-000000000000';
const OTHER = 'other-id-00000000000';

/** An opening, two phases played in two rounds, a closing: steps 0, 1–4 (rounds 1, 2), 5. */
const steps = planSteps({
	phases: [{}, { repeatsPerRound: true }, { repeatsPerRound: true }, {}],
	rounds: 2
});

function kept(command: ControlCommand, seenStep: number): QueuedAction {
	const policy = offlinePolicy(command, SELF);
	if (policy.type !== 'queue') throw new Error(`${command.type} is not kept`);
	return { command, slot: policy.slot, forStep: policy.forStep, seenStep };
}

describe('offlinePolicy (protocol S21)', () => {
	test('[S21] moves and ready marks are kept for the step they were meant for', () => {
		for (const command of [
			{ type: 'step.goto', target: 3 },
			{ type: 'round.more', rounds: 3, step: 5 },
			{ type: 'ready.set', step: 2, ready: true }
		] satisfies ControlCommand[]) {
			expect(offlinePolicy(command, SELF)).toMatchObject({ type: 'queue', forStep: true });
		}
	});

	test('[S21] one’s own hand and the agreements are kept whatever step the room is on', () => {
		expect(offlinePolicy({ type: 'hand.raise' }, SELF)).toEqual({
			type: 'queue',
			slot: 'hand',
			forStep: false
		});
		expect(offlinePolicy({ type: 'hand.lower', participantId: SELF }, SELF)).toMatchObject({
			slot: 'hand',
			forStep: false
		});
		expect(offlinePolicy({ type: 'agreements.confirm' }, SELF)).toMatchObject({
			type: 'queue',
			forStep: false
		});
	});

	test('[S21] the timer, the room pause, host actions and erasing wait, each with its reason', () => {
		expect(offlinePolicy({ type: 'timer.start' }, SELF)).toEqual({
			type: 'wait',
			reason: WAIT_REASONS.timer()
		});
		expect(offlinePolicy({ type: 'timer.add-minute' }, SELF)).toMatchObject({ type: 'wait' });
		expect(offlinePolicy({ type: 'room.pause' }, SELF)).toEqual({
			type: 'wait',
			reason: WAIT_REASONS.pause()
		});
		expect(offlinePolicy({ type: 'host.remove', participantId: OTHER }, SELF)).toEqual({
			type: 'wait',
			reason: WAIT_REASONS.host()
		});
		// Lowering someone else's hand is a host action too.
		expect(offlinePolicy({ type: 'hand.lower', participantId: OTHER }, SELF)).toEqual({
			type: 'wait',
			reason: WAIT_REASONS.host()
		});
		expect(offlinePolicy({ type: 'erase.vote', agree: true }, SELF)).toMatchObject({
			type: 'wait'
		});
	});

	test('[S21] taking a turn waits saying so; extending, going live or back and a second take say the connection holds them', () => {
		expect(offlinePolicy({ type: 'async.turn', step: 0 }, SELF)).toEqual({
			type: 'wait',
			reason: WAIT_REASONS.turns()
		});
		for (const command of [
			{ type: 'async.extend', step: 0 },
			{ type: 'async.live' },
			{ type: 'async.resume' },
			{ type: 'async.second-take', step: 0 }
		] as const)
			expect(offlinePolicy(command, SELF)).toEqual({
				type: 'wait',
				reason: WAIT_REASONS.connection()
			});
	});
});

describe('the queue', () => {
	test('a second press in the same slot replaces the first; other slots stay, in order', () => {
		const next = kept({ type: 'step.goto', target: 3 }, 2);
		const hand = kept({ type: 'hand.raise' }, 2);
		const previous = kept({ type: 'step.goto', target: 1 }, 2);
		expect(enqueue(enqueue(enqueue([], next), hand), previous)).toEqual([hand, previous]);
	});

	test('[S21] on return, a press meant for a step the room has left is stale; the rest are sent', () => {
		const next = kept({ type: 'step.goto', target: 3 }, 2);
		const hand = kept({ type: 'hand.raise' }, 2);
		const there = { step: 2, movedBy: null };
		expect(sortOnReturn([next, hand], there, SELF)).toEqual({ send: [next, hand], stale: [] });
		const movedOn = { step: 3, movedBy: OTHER };
		expect(sortOnReturn([next, hand], movedOn, SELF)).toEqual({ send: [hand], stale: [next] });
	});

	test('[S21] [S24] a move this person made after all (answered "not now", stored late) is sent again, for the server to answer as made', () => {
		const next = kept({ type: 'step.goto', target: 3 }, 2);
		const previous = kept({ type: 'step.goto', target: 1 }, 2);
		expect(sortOnReturn([next], { step: 3, movedBy: SELF }, SELF)).toEqual({
			send: [next],
			stale: []
		});
		expect(sortOnReturn([previous], { step: 3, movedBy: SELF }, SELF)).toEqual({
			send: [],
			stale: [previous]
		});

		const moreRound = kept({ type: 'round.more', rounds: 3, step: 5 }, 5);
		const inRoundThree = { step: 6, rounds: 3, movedBy: SELF };
		expect(sortOnReturn([moreRound], inRoundThree, SELF)).toEqual({ send: [moreRound], stale: [] });
		const byOther = { ...inRoundThree, movedBy: OTHER };
		expect(sortOnReturn([moreRound], byOther, SELF)).toEqual({ send: [], stale: [moreRound] });
		// This person moved the room on, but not into the round asked for: that round is not made.
		const stillTwo = { step: 6, rounds: 2, movedBy: SELF };
		expect(sortOnReturn([moreRound], stillTwo, SELF)).toEqual({ send: [], stale: [moreRound] });
	});

	test('[S21] [S24] a ready mark the room acted on (it moved on by itself, everyone ready) is dropped: neither sent nor told as not sent', () => {
		const ready = kept({ type: 'ready.set', ready: true, step: 2 }, 2);
		const hand = kept({ type: 'hand.raise' }, 2);
		const everyoneReady = { step: 3, movedBy: null };
		expect(sortOnReturn([ready, hand], everyoneReady, SELF)).toEqual({ send: [hand], stale: [] });
		// Still on its step, stored or not: sent, and the server keeps one mark (S5).
		expect(sortOnReturn([ready], { step: 2, movedBy: null }, SELF)).toEqual({
			send: [ready],
			stale: []
		});
	});

	test('[S21] a ready mark is stale when someone moved the room, it went further, or the mark was a “not ready”', () => {
		const ready = kept({ type: 'ready.set', ready: true, step: 2 }, 2);
		for (const room of [
			{ step: 3, movedBy: OTHER },
			{ step: 4, movedBy: null },
			{ step: 1, movedBy: null }
		]) {
			expect(sortOnReturn([ready], room, SELF)).toEqual({ send: [], stale: [ready] });
		}
		// Had "not ready" been stored, everyone would not have been ready: the room left without it.
		const notReady = kept({ type: 'ready.set', ready: false, step: 2 }, 2);
		expect(sortOnReturn([notReady], { step: 3, movedBy: null }, SELF)).toEqual({
			send: [],
			stale: [notReady]
		});
	});

	test('presses are named as their buttons read, a move as on the step it was pressed on', () => {
		expect(actionLabel(kept({ type: 'step.goto', target: 3 }, 2), steps)).toBe('Start round 2 →');
		expect(actionLabel(kept({ type: 'step.goto', target: 2 }, 1), steps)).toBe('Next phase →');
		expect(actionLabel(kept({ type: 'step.goto', target: 1 }, 2), steps)).toBe('← Previous');
		expect(actionLabel(kept({ type: 'round.more', rounds: 3, step: 4 }, 4), steps)).toBe(
			'One more round'
		);
		expect(actionLabel(kept({ type: 'hand.raise' }, 0), steps)).toBe('Raise hand');
		expect(actionLabel(kept({ type: 'ready.set', step: 0, ready: true }, 0), steps)).toBe(
			'I’m ready to move on'
		);
	});

	test('a kept move says which button it came from, by the step seen when pressed', () => {
		expect(stepMoveOf(kept({ type: 'step.goto', target: 3 }, 2))).toBe('next');
		expect(stepMoveOf(kept({ type: 'step.goto', target: 1 }, 2))).toBe('previous');
		expect(stepMoveOf(kept({ type: 'round.more', rounds: 3, step: 5 }, 5))).toBe('more');
		expect(stepMoveOf(kept({ type: 'hand.raise' }, 2))).toBeUndefined();
	});

	test('each control finds its own kept press, and none when its slot is empty', () => {
		const hand = kept({ type: 'hand.raise' }, 0);
		const ready = kept({ type: 'ready.set', ready: true, step: 0 }, 0);
		expect(keptIn([hand, ready], 'ready', 0)).toBe(ready);
		expect(keptIn([hand, ready], 'move', 0)).toBeUndefined();
	});

	test('[S21] a kept move shows on its own button only: a kept Previous is no kept Next', () => {
		const previous = kept({ type: 'step.goto', target: 1 }, 2);
		const more = kept({ type: 'round.more', rounds: 3, step: 2 }, 2);
		const next = kept({ type: 'step.goto', target: 3 }, 2);
		expect(keptMoveOn([previous], 'next', 2)).toBeUndefined();
		expect(keptMoveOn([more], 'next', 2)).toBeUndefined();
		expect(keptMoveOn([next], 'next', 2)).toBe(next);
	});

	test('[S21] a press meant for its step shows only on that step’s controls, as the document may move on while it waits', () => {
		const hand = kept({ type: 'hand.raise' }, 0);
		const ready = kept({ type: 'ready.set', ready: true, step: 0 }, 0);
		expect(keptIn([hand, ready], 'ready', 1)).toBeUndefined();
		expect(keptIn([hand, ready], 'hand', 1)).toBe(hand);
	});

	test('the news names what was sent, and the phase the room moved on to', () => {
		const hand = kept({ type: 'hand.raise' }, 0);
		const next = kept({ type: 'step.goto', target: 3 }, 2);
		expect(
			offlineNewsWords({ sent: [hand], stale: [next], refused: [] }, 'Tell the story', steps)
		).toEqual([
			'Sent now that you are back: Raise hand.',
			'Not sent: Start round 2 →. While you were offline the room moved on to “Tell the story”.'
		]);
		const agree = kept({ type: 'agreements.confirm' }, 0);
		expect(
			offlineNewsWords(
				{ sent: [], stale: [], refused: [{ action: agree, message: 'No.' }] },
				undefined,
				steps
			)
		).toEqual(['I agree was not taken: No.']);
	});
});

test('sharing a call link waits for the connection, so everyone gets it at once (S21, S23)', () => {
	expect(offlinePolicy({ type: 'call.set', url: 'https://meet.example/abc' }, 'ana')).toEqual({
		type: 'wait',
		reason: WAIT_REASONS.call()
	});
});
