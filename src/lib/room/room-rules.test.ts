import { describe, expect, test } from 'vitest';
import { initialControlState } from './control';
import {
	claimHost,
	erasesRoom,
	everyoneAgreesToErase,
	everyonePresentIn,
	settleRoom
} from './room-rules';
import { ana, apply, ben, cy, everyone, hosted, plan, run, start, T0 } from './room-rules.fixture';

describe('ready to move on', () => {
	test('the room moves on by itself once everyone present is ready', () => {
		let state = apply(start, { type: 'ready.set', step: 0, ready: true }, ana);
		state = apply(state, { type: 'ready.set', step: 0, ready: true }, ben);
		expect(state.step).toBe(0);
		expect(state.ready).toEqual([ana, ben]);
		state = apply(state, { type: 'ready.set', step: 0, ready: true }, cy);
		expect(state.step).toBe(1);
		expect(state.ready).toEqual([]);
		expect(state.timer).toEqual({ status: 'idle', durationMs: 120_000 });
	});

	test('taking it back, or a mark for a step already left, changes nothing further', () => {
		const state = apply(start, { type: 'ready.set', step: 0, ready: true }, ana);
		expect(apply(state, { type: 'ready.set', step: 0, ready: false }, ana).ready).toEqual([]);
		expect(apply(state, { type: 'ready.set', step: 2, ready: true }, ben)).toBe(state);
	});

	test('someone who was not ready leaving moves the ready ones on', () => {
		let state = apply(start, { type: 'ready.set', step: 0, ready: true }, ana);
		state = apply(state, { type: 'ready.set', step: 0, ready: true }, ben);
		expect(settleRoom(state, plan, everyone, T0).step).toBe(0);
		expect(settleRoom(state, plan, [ana, ben], T0).step).toBe(1);
	});

	test('the last step stays put however ready people are', () => {
		const last = { ...start, step: 2 };
		expect(apply(last, { type: 'ready.set', step: 2, ready: true }, ana, [ana]).step).toBe(2);
		expect(everyonePresentIn([], [])).toBe(false);
	});
});

describe('who moved the room (issue 19.2)', () => {
	test('a move names its mover, so other screens can say who moved and hold their moves', () => {
		expect(start.movedBy).toBeNull();
		const moved = apply(start, { type: 'step.goto', target: 1 }, ben);
		expect(moved).toMatchObject({ step: 1, movedBy: ben });
		// The same move again changes nothing, not even the mover.
		expect(apply(moved, { type: 'step.goto', target: 1 }, cy)).toBe(moved);
		expect(apply(moved, { type: 'step.goto', target: 0 }, cy)).toMatchObject({ movedBy: cy });
	});

	test('moving on because everyone is ready names nobody; other commands keep the mover', () => {
		let state = apply(start, { type: 'step.goto', target: 1 }, ben);
		state = apply(state, { type: 'hand.raise' }, cy);
		expect(state.movedBy).toBe(ben);
		for (const id of everyone)
			state = apply(state, { type: 'ready.set', step: 1, ready: true }, id);
		expect(state).toMatchObject({ step: 2, movedBy: null });
	});
});

describe('host rules', () => {
	test('with no host, anyone controls phases and timer', () => {
		expect(apply(start, { type: 'step.goto', target: 1 }, cy).step).toBe(1);
		expect(run(start, { type: 'host.lock-control', locked: true }, ana)).toMatchObject({
			ok: false,
			error: { code: 'not_allowed', message: 'Only the host can do that.' }
		});
	});

	test('a host who locks control is the only one to move phases and timer', () => {
		const locked = apply(hosted, { type: 'host.lock-control', locked: true });
		expect(run(locked, { type: 'step.goto', target: 1 }, ben)).toMatchObject({
			ok: false,
			error: { code: 'not_allowed', message: 'The host has locked the phase and timer controls.' }
		});
		expect(run(locked, { type: 'timer.start' }, ben).ok).toBe(false);
		expect(apply(locked, { type: 'step.goto', target: 1 }, ana).step).toBe(1);
		// The right to pause, to be ready or to raise a hand is never locked.
		expect(apply(locked, { type: 'room.pause' }, ben).pause).toEqual({
			at: T0,
			timerWasRunning: false
		});
		expect(apply(locked, { type: 'hand.raise' }, ben).hands).toEqual([ben]);
	});

	test('the host hands the role to someone present; the old host loses its rights', () => {
		const handed = apply(hosted, { type: 'host.hand-over', participantId: ben });
		expect(handed.host).toEqual({ participantId: ben, controlLocked: false });
		expect(run(handed, { type: 'host.lock-room', locked: true }, ana).ok).toBe(false);
		expect(run(hosted, { type: 'host.hand-over', participantId: 'gone-00009' })).toMatchObject({
			ok: false,
			error: { code: 'invalid_command' }
		});
	});

	test('removing someone records them and drops their hand and ready mark', () => {
		let state = apply(hosted, { type: 'hand.raise' }, cy);
		state = apply(state, { type: 'ready.set', step: 0, ready: true }, cy);
		state = apply(state, { type: 'host.remove', participantId: cy });
		expect(state).toMatchObject({ removed: [cy], hands: [], ready: [] });
		expect(run(hosted, { type: 'host.remove', participantId: ana }).ok).toBe(false);
	});

	test('a host away longer than the grace gives control back to everyone', () => {
		const locked = apply(hosted, { type: 'host.lock-control', locked: true });
		expect(settleRoom(locked, plan, everyone, T0)).toBe(locked);
		const fallen = settleRoom(locked, plan, [ben, cy], T0);
		expect(fallen.host).toBeNull();
		expect(apply(fallen, { type: 'step.goto', target: 1 }, ben).step).toBe(1);
		// The key holder coming back is host again, unless someone else holds it meanwhile.
		expect(claimHost(fallen, ana).host).toEqual({ participantId: ana, controlLocked: false });
		expect(claimHost(locked, ben)).toBe(locked);
	});

	test('only the host lowers someone else’s hand', () => {
		const raised = apply(hosted, { type: 'hand.raise' }, ben);
		expect(run(raised, { type: 'hand.lower', participantId: ben }, cy).ok).toBe(false);
		expect(apply(raised, { type: 'hand.lower', participantId: ben }, ben).hands).toEqual([]);
		expect(apply(raised, { type: 'hand.lower', participantId: ben }, ana).hands).toEqual([]);
	});
});

describe('pause for everyone and hands', () => {
	test('a pause stops a running timer, and resuming starts it again from where it stood', () => {
		const running = apply(start, { type: 'timer.start' }, ana, everyone, T0);
		const paused = apply(running, { type: 'room.pause' }, ben, everyone, T0 + 10_000);
		expect(paused.timer).toEqual({ status: 'paused', durationMs: 60_000, remainingMs: 50_000 });
		expect(apply(paused, { type: 'room.pause' }, cy)).toBe(paused);
		const resumed = apply(paused, { type: 'room.resume' }, cy, everyone, T0 + 99_000);
		expect(resumed.pause).toBeNull();
		expect(resumed.timer).toEqual({
			status: 'running',
			durationMs: 50_000,
			startedAt: T0 + 99_000
		});
	});

	test('a timer that was not running stays as it was after the pause', () => {
		const paused = apply(start, { type: 'room.pause' }, ben);
		expect(apply(paused, { type: 'room.resume' }, ben).timer).toEqual(start.timer);
	});

	test('hands queue in the order raised; people who left drop out', () => {
		let state = apply(start, { type: 'hand.raise' }, cy);
		state = apply(state, { type: 'hand.raise' }, ana);
		state = apply(state, { type: 'hand.raise' }, cy);
		expect(state.hands).toEqual([cy, ana]);
		expect(settleRoom(state, plan, [ana, ben], T0).hands).toEqual([ana]);
	});

	test('agreements are confirmed once per person', () => {
		const fresh = initialControlState(plan);
		const state = apply(
			apply(fresh, { type: 'agreements.confirm' }, ben),
			{ type: 'agreements.confirm' },
			ben
		);
		expect(state.agreed).toEqual([ben]);
	});
});

describe('[S18] end and erase', () => {
	const agree = { type: 'erase.vote', agree: true } as const;

	test('the host erases at once; nobody else may', () => {
		const erase = { type: 'room.erase' } as const;
		expect(run(hosted, erase, ana)).toEqual({ ok: true, state: hosted });
		expect(erasesRoom(erase, hosted, everyone)).toBe(true);
		expect(run(hosted, erase, ben)).toMatchObject({
			ok: false,
			error: { code: 'not_allowed', message: 'Only the host can do that.' }
		});
		expect(run(start, erase, ben).ok).toBe(false);
	});

	test('without a host, the room is erased once everyone present agreed, not before', () => {
		let state = apply(start, agree, ana);
		state = apply(state, agree, ben);
		expect(state.eraseVotes).toEqual([ana, ben]);
		expect(erasesRoom(agree, state, everyone)).toBe(false);
		state = apply(state, agree, cy);
		expect(erasesRoom(agree, state, everyone)).toBe(true);
		// Nobody present agrees for an empty room.
		expect(everyoneAgreesToErase({ host: null, eraseVotes: [] }, [])).toBe(false);
	});

	test('an agreement can be taken back, and counts once', () => {
		let state = apply(start, agree, ana);
		state = apply(state, agree, ana);
		expect(state.eraseVotes).toEqual([ana]);
		state = apply(state, { type: 'erase.vote', agree: false }, ana);
		expect(state.eraseVotes).toEqual([]);
	});

	test('with a host, agreeing is refused: erasing is the host’s decision', () => {
		expect(run(hosted, agree, ben)).toMatchObject({
			ok: false,
			error: {
				code: 'invalid_command',
				message: 'This room has a host: the host can end and erase it.'
			}
		});
	});

	test('someone who leaves takes their agreement along; the rest agreeing completes it', () => {
		let state = apply(start, agree, ana);
		state = apply(state, agree, ben);
		const settled = settleRoom(state, plan, [ana, ben], T0);
		expect(everyoneAgreesToErase(settled, [ana, ben])).toBe(true);
		expect(settleRoom(state, plan, [ben, cy], T0).eraseVotes).toEqual([ben]);
	});

	test('a host taking the role voids the agreements, so a lapse later erases nothing', () => {
		const voted = apply(apply(start, agree, ana), agree, ben);
		const claimed = claimHost(voted, cy);
		expect(claimed.eraseVotes).toEqual([]);
		const lapsed = settleRoom(claimed, plan, [ana, ben], T0);
		expect(lapsed.host).toBeNull();
		expect(everyoneAgreesToErase(lapsed, [ana, ben])).toBe(false);
	});

	test('agreeing or erasing needs neither the agreements confirmed nor the room running', () => {
		const fresh = initialControlState(plan);
		expect(apply(fresh, agree, ben).eraseVotes).toEqual([ben]);
		const paused = apply(hosted, { type: 'room.pause' }, ben);
		expect(run(paused, { type: 'room.erase' }, ana).ok).toBe(true);
		expect(run({ ...hosted, agreed: [] }, { type: 'room.erase' }, ana).ok).toBe(true);
	});

	test('someone removed cannot agree', () => {
		expect(run({ ...start, removed: [cy] }, agree, cy)).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
	});
});

describe('[S23] the call link (issue 19.8)', () => {
	const meet = 'https://meet.google.com/abc-defg-hij';

	test('anyone who agreed shares it, named as its sender, and anyone removes it', () => {
		const shared = apply(start, { type: 'call.set', url: meet }, ben);
		expect(shared.call).toEqual({ url: meet, setBy: ben });
		// The same link again changes nothing, not even who shared it.
		expect(apply(shared, { type: 'call.set', url: meet }, cy)).toBe(shared);
		expect(apply(shared, { type: 'call.set', url: null }, cy).call).toBeNull();
	});

	test('goes with phase and timer control: when the host locked them, only the host sets it', () => {
		const locked = apply(hosted, { type: 'host.lock-control', locked: true }, ana);
		expect(run(locked, { type: 'call.set', url: meet }, ben)).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
		expect(apply(locked, { type: 'call.set', url: meet }, ana).call).toEqual({
			url: meet,
			setBy: ana
		});
	});

	test('waits for the agreements, and may be changed while the room is paused', () => {
		const fresh = initialControlState(plan);
		expect(run(fresh, { type: 'call.set', url: meet })).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
		const paused = apply(start, { type: 'room.pause' });
		expect(apply(paused, { type: 'call.set', url: meet }).call?.url).toBe(meet);
	});
});
