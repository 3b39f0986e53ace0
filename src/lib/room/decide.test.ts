import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import type { ControlState } from '../protocol/control';
import { playbookSchema } from '../protocol/playbook';
import { ratingKey } from '../protocol/room-content';
import { initialControlState } from './control';
import { changesSomething, decide, MAX_PEOPLE, type Decision, type RoomCommand } from './decide';
import type { SealedRatings } from './ratings';
import { claimHost } from './room-rules';

const playbook = playbookSchema.parse(activeListeningSprint);
const T0 = 1_700_000_000_000;
const [ana, ben] = ['ana-00001', 'ben-00002'] as const;
const both = [ana, ben];
/** Step 4 is the first round's rating. */
const RATING_STEP = 4;
const key = ratingKey('rating', 1);

const start: ControlState = { ...initialControlState(playbook), agreed: [ana, ben] };
const hosted = claimHost(start, ana);

function run(
	state: ControlState,
	command: RoomCommand,
	by: string = ana,
	present: readonly string[] = both,
	sealed: Record<string, SealedRatings> = {}
): Decision {
	return decide(
		state,
		command,
		{ participantId: by, present },
		{ playbook, now: T0, sealedRatings: (k) => sealed[k] ?? {} }
	);
}

function decided(decision: Decision) {
	if (!decision.ok) throw new Error(decision.error.message);
	return decision;
}

describe('control commands and their effects', () => {
	test('a phase command changes the state and asks for nothing else', () => {
		const { state, effects } = decided(run(start, { type: 'step.goto', target: 1 }));
		expect(state.step).toBe(1);
		expect(effects).toEqual([]);
	});

	test('a refusal of the room rules comes back as it is, with nothing to do', () => {
		expect(run(start, { type: 'host.lock-room', locked: true })).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
	});

	test('handing the host role over grants the new host a key; to oneself it changes nothing', () => {
		expect(decided(run(hosted, { type: 'host.hand-over', participantId: ben })).effects).toEqual([
			{ type: 'grant-host-key', participantId: ben }
		]);
		const self = decided(run(hosted, { type: 'host.hand-over', participantId: ana }));
		expect(self).toEqual({ ok: true, state: hosted, effects: [] });
	});

	test('[S22] locking or unlocking the door is announced', () => {
		const { effects } = decided(run(hosted, { type: 'host.lock-room', locked: true }));
		expect(effects).toEqual([{ type: 'announce-lock', locked: true }]);
	});

	test('[S20] a removal lets the person go, even when they were removed before', () => {
		const remove = { type: 'host.remove', participantId: ben } as const;
		const first = decided(run(hosted, remove));
		expect(first.state.removed).toEqual([ben]);
		expect(first.effects).toEqual([{ type: 'remove', participantId: ben }]);
		expect(decided(run(first.state, remove)).effects).toEqual(first.effects);
	});

	test('[S18] the host erasing, or the last agreement to erase, erases the room and nothing else', () => {
		expect(decided(run(hosted, { type: 'room.erase' })).effects).toEqual([{ type: 'erase' }]);
		const voted = decided(run(start, { type: 'erase.vote', agree: true }, ana));
		expect(voted.effects).toEqual([]);
		const last = decided(run(voted.state, { type: 'erase.vote', agree: true }, ben));
		expect(last.effects).toEqual([{ type: 'erase' }]);
	});
});

describe('ratings', () => {
	const atRating = { ...start, step: RATING_STEP };
	const rate = (value: number) => ({ type: 'rating.submit', step: RATING_STEP, value }) as const;

	test('[S11] a rating is sealed first and counted as submitted, not shown', () => {
		const { state, effects } = decided(run(atRating, rate(4), ana));
		expect(effects).toEqual([{ type: 'seal-rating', key, value: 4 }]);
		expect(state.ratings[key]).toEqual({ submitted: [ana] });
	});

	test('[S11] the last rating of those present reveals them all together', () => {
		const first = decided(run(atRating, rate(4), ana)).state;
		const { state } = decided(run(first, rate(2), ben, both, { [key]: { [ana]: 4 } }));
		expect(state.ratings[key]?.revealed).toEqual({ [ana]: 4, [ben]: 2 });
	});

	test('[S26] only people who confirmed the agreements rate, and only at a rating step: each refusal names its reason', () => {
		const unagreed = { ...atRating, agreed: [ben] };
		expect(run(unagreed, rate(4), ana)).toMatchObject({
			error: { code: 'not_allowed', params: { reason: 'agreements' } }
		});
		expect(run(atRating, { ...rate(4), step: 0 }, ana)).toMatchObject({
			error: { code: 'invalid_command', params: { reason: 'no_rating' } }
		});
	});
});

describe('joins', () => {
	const join = (holdsHostKey: boolean): RoomCommand => ({
		type: 'person.join',
		person: { name: 'Ana', roleId: 'speaker' },
		holdsHostKey
	});

	test('a join records the person and starts the time record; the key holder becomes host', () => {
		const { state, effects } = decided(run(start, join(true)));
		expect(state.people[ana]).toEqual({ name: 'Ana', roleId: 'speaker' });
		expect(state.history).toHaveLength(1);
		expect(state.host).toEqual({ participantId: ana, controlLocked: false });
		expect(effects).toEqual([]);
		expect(decided(run(start, join(false))).state.host).toBeNull();
	});

	test('the same join again changes nothing; a room full of names records no more', () => {
		const once = decided(run(start, join(false))).state;
		expect(decided(run(once, join(false))).state).toBe(once);
		const people = Object.fromEntries(
			Array.from({ length: MAX_PEOPLE }, (_, i) => [
				`p-${i}-00000`,
				{ name: 'P', roleId: 'speaker' }
			])
		);
		const full = { ...once, people };
		expect(decided(run(full, join(false), 'new-00009')).state.people).toBe(people);
	});
});

describe('settling on who is present', () => {
	const settle: RoomCommand = { type: 'room.settle' };

	test('with nothing to change, nothing changes and nothing is done', () => {
		const decision = run(hosted, settle);
		expect(changesSomething(hosted, decision)).toBe(false);
	});

	test('[S22] the host leaving opens a locked room, and it is announced', () => {
		const locked = decided(run(hosted, { type: 'host.lock-room', locked: true })).state;
		const { state, effects } = decided(run(locked, settle, ana, [ben]));
		expect(state.roomLocked).toBe(false);
		expect(effects).toEqual([{ type: 'announce-lock', locked: false }]);
	});

	test('[S11] the last person yet to rate leaving reveals the ratings', () => {
		const rated = decided(
			run({ ...start, step: RATING_STEP }, { type: 'rating.submit', step: RATING_STEP, value: 5 })
		);
		const { state } = decided(run(rated.state, settle, ana, [ana], { [key]: { [ana]: 5 } }));
		expect(state.ratings[key]?.revealed).toEqual({ [ana]: 5 });
	});

	test('[S18] someone who had not agreed leaving lets the others’ agreement erase the room', () => {
		const voted = decided(run(start, { type: 'erase.vote', agree: true }, ana)).state;
		expect(decided(run(voted, settle, ana, [ana])).effects).toEqual([{ type: 'erase' }]);
	});

	test('[S20] someone removed counts as gone though presence still lists them (their record on another instance, dropped until its grace ends)', () => {
		const ready = decided(run(hosted, { type: 'ready.set', step: 0, ready: true }, ana)).state;
		expect(ready.step).toBe(0);
		const removed = decided(run(ready, { type: 'host.remove', participantId: ben })).state;
		// Everyone present is ready: the room moves on without waiting out Ben's grace.
		expect(decided(run(removed, settle, ana, both)).state.step).toBe(1);
	});
});

describe('a room run across time zones', () => {
	const people = {
		[ana]: { name: 'Ana', roleId: 'speaker' },
		[ben]: { name: 'Ben', roleId: 'listener' }
	};
	const withPeople: ControlState = { ...start, people };
	const onTurns = decided(run(withPeople, { type: 'async.start', windowsMs: {} })).state;

	test('[A1] starting opens the first turn and tells its taker', () => {
		const decision = decided(run(withPeople, { type: 'async.start', windowsMs: {} }));
		expect(decision.state.step).toBe(1);
		expect(decision.effects).toEqual([
			{ type: 'turn-event', event: { type: 'turn-started', phaseIndex: 1, personIds: [ana] } }
		]);
	});

	test('[A7] with a host, only the host may extend; without one, anyone may', () => {
		const hostedTurns = claimHost(onTurns, ana);
		const byBen = run(hostedTurns, { type: 'async.extend', step: 1 }, ben);
		expect(byBen.ok ? undefined : byBen.error.params?.reason).toBe('host_only');
		expect(run(hostedTurns, { type: 'async.extend', step: 1 }, ana).ok).toBe(true);
		expect(run(onTurns, { type: 'async.extend', step: 1 }, ben).ok).toBe(true);
	});

	describe('[A33] [A35] someone watching, as Ana’s phone beside her laptop', () => {
		const phone = 'ana-phone-03';
		const watched: ControlState = {
			...onTurns,
			people: { ...people, [phone]: { name: 'Ana', roleId: 'speaker' } },
			agreed: [ana, ben, phone]
		};
		const reasonOf = (decision: Decision) =>
			decision.ok ? undefined : decision.error.params?.reason;

		const all = [ana, ben, phone];

		test('may not move, time, link, extend, make live or be ready for the pair’s session', () => {
			for (const command of [
				{ type: 'step.goto', target: 2, from: 1 },
				{ type: 'round.more', rounds: 3, step: 1 },
				{ type: 'timer.start' },
				{ type: 'timer.pause' },
				{ type: 'timer.resume' },
				{ type: 'timer.reset' },
				{ type: 'timer.add-minute' },
				{ type: 'call.set', url: 'https://meet.example.org/ana' },
				{ type: 'ready.set', step: 1, ready: true },
				{ type: 'async.extend', step: 1 },
				{ type: 'async.live' },
				{ type: 'async.resume' },
				{ type: 'async.start', windowsMs: {} }
			] satisfies RoomCommand[]) {
				const decision = run(watched, command, phone, all);
				expect(decision).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
				expect(reasonOf(decision)).toBe('watching');
			}
			// What anyone may always do stays open.
			expect(run(watched, { type: 'room.pause' }, phone, all).ok).toBe(true);
			expect(run(watched, { type: 'async.extend', step: 1 }, ben, all).ok).toBe(true);
		});

		test('as the host keeps the controls, and played live takes part', () => {
			expect(run(claimHost(watched, phone), { type: 'async.extend', step: 1 }, phone).ok).toBe(
				true
			);
			const live = decided(run(watched, { type: 'async.live' }, ana, both)).state;
			expect(run(live, { type: 'step.goto', target: 2, from: 1 }, phone).ok).toBe(true);
		});

		test('[A8] beside both people holding a place, is not a third to go live with', () => {
			expect(reasonOf(run(watched, { type: 'async.live' }, ana, [ana]))).toBe('live_needs_two');
			expect(run(watched, { type: 'async.live' }, ana, [ana, ben]).ok).toBe(true);
			// Standing in for Ben while he is away, Ana's phone makes two (accepted, A8).
			expect(run(watched, { type: 'async.live' }, ana, [ana, phone]).ok).toBe(true);
		});

		test('is not waited for to be ready, and does not block the pair', () => {
			const anaReady = decided(run(watched, { type: 'ready.set', step: 1, ready: true }, ana, all));
			expect(anaReady.state.step).toBe(1);
			const bothReady = decided(
				run(anaReady.state, { type: 'ready.set', step: 1, ready: true }, ben, all)
			);
			expect(bothReady.state.step).toBe(2);
		});

		describe('Ana in a new browser, her old identity holding her place but gone', () => {
			const anaNew = 'ana-new-0004';
			const moved: ControlState = {
				...onTurns,
				people: { ...people, [anaNew]: { name: 'Ana', roleId: 'speaker' } },
				agreed: [ana, ben, anaNew]
			};
			const here = [anaNew, ben];

			test('stands in for her old place: she may steer, be ready and go live with Ben', () => {
				for (const command of [
					{ type: 'async.extend', step: 1 },
					{ type: 'step.goto', target: 2, from: 1 },
					{ type: 'ready.set', step: 1, ready: true }
				] satisfies RoomCommand[]) {
					expect(run(moved, command, anaNew, here).ok).toBe(true);
				}
				const live = decided(run(moved, { type: 'async.live' }, anaNew, here)).state;
				expect(live.async?.mode).toBe('live');
				// Ready counts her: both ready, the room moves on.
				const benReady = decided(
					run(moved, { type: 'ready.set', step: 1, ready: true }, ben, here)
				);
				expect(benReady.state.step).toBe(1);
				const bothReady = run(
					benReady.state,
					{ type: 'ready.set', step: 1, ready: true },
					anaNew,
					here
				);
				expect(decided(bothReady).state.step).toBe(2);
			});

			test('watches again once her old identity is back', () => {
				const back = run(moved, { type: 'async.extend', step: 1 }, anaNew, [ana, ben, anaNew]);
				expect(reasonOf(back)).toBe('watching');
			});
		});
	});

	test('[A2] a person’s Next in a room of turns opens the new step’s window', () => {
		const earlier = { ...onTurns, async: onTurns.async && { ...onTurns.async, openedAt: 0 } };
		const { state } = decided(run(earlier, { type: 'step.goto', target: 2, from: 1 }));
		expect(state.step).toBe(2);
		expect(state.async?.openedAt).toBe(T0);
		expect(state.async?.deadlineAt).toBe(T0 + 24 * 3_600_000);
	});

	test('[A10] the clock’s tick past the deadline moves the room on through the same decision', () => {
		const late = { ...onTurns, async: onTurns.async && { ...onTurns.async, deadlineAt: T0 } };
		const { state, effects } = decided(run(late, { type: 'async.tick' }, ''));
		expect(state.step).toBe(2);
		expect(state.async?.missed).toEqual([{ phaseIndex: 1, round: 1, personIds: [ana] }]);
		expect(effects).toEqual([
			{ type: 'turn-event', event: { type: 'turn-started', phaseIndex: 2, personIds: [ben] } }
		]);
	});

	/** Ana told the story and Ben reflected it: the room is on Ana's turn to rate, step 4. */
	const told = decided(run(onTurns, { type: 'async.turn', step: 1 }, ana)).state;
	const toRate = decided(run(told, { type: 'async.turn', step: 2 }, ben)).state;
	const rate = { type: 'rating.submit', step: RATING_STEP, value: 4 } as const;

	test('[A16] the speaker’s rating on their turn shows at once, with the listener online', () => {
		expect(toRate.step).toBe(RATING_STEP);
		const { state } = decided(run(toRate, rate, ana, both, { [key]: { [ana]: 4 } }));
		expect(state.ratings[key]).toEqual({ submitted: [ana], revealed: { [ana]: 4 } });
	});

	test('[A16] [S11] playing live, the rating waits for everyone present as in a live room', () => {
		const live = decided(run(toRate, { type: 'async.live' }, ana)).state;
		const { state } = decided(run(live, rate, ana, both, { [key]: { [ana]: 4 } }));
		expect(state.ratings[key]).toEqual({ submitted: [ana] });
	});

	test('[A16] back on turns, a rating given live that waited for the listener shows', () => {
		const live = decided(run(toRate, { type: 'async.live' }, ana)).state;
		const sealedLive = decided(run(live, rate, ana, both)).state;
		const resumed = decided(run(sealedLive, { type: 'async.resume' }, ana)).state;
		const { state } = decided(
			run(resumed, { type: 'room.settle' }, ana, both, { [key]: { [ana]: 4 } })
		);
		expect(state.ratings[key]?.revealed).toEqual({ [ana]: 4 });
	});

	test('[A18] [A19] [A9] a second take goes through the decision and tells the listener their turn started', () => {
		const ratedState = decided(run(toRate, rate, ana, both, { [key]: { [ana]: 4 } })).state;
		const { state, effects } = decided(
			run(ratedState, { type: 'async.second-take', step: RATING_STEP }, ana)
		);
		expect(state.step).toBe(2);
		expect(effects).toEqual([
			{ type: 'turn-event', event: { type: 'turn-started', phaseIndex: 2, personIds: [ben] } }
		]);
		const before = { ...ratedState, agreed: [ben] };
		const unagreed = run(before, { type: 'async.second-take', step: RATING_STEP }, ana);
		expect(unagreed.ok ? undefined : unagreed.error.params?.reason).toBe('agreements');
	});

	test('[A4] someone removed by the host cannot take a turn', () => {
		const removed = { ...onTurns, removed: [ana] };
		expect(run(removed, { type: 'async.turn', step: 1 }, ana).ok).toBe(false);
	});
});
