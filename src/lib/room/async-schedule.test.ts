import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { feedbackThatLands } from '../playbooks/built-in/feedback-that-lands';
import { rolePlayWithReality } from '../playbooks/built-in/role-play-with-reality';
import { gratitudeCircle } from '../playbooks/built-in/gratitude-circle';
import type { ControlState } from '../protocol/control';
import { playbookSchema } from '../protocol/playbook';
import { runsAsTurns } from '../protocol/turn-phases';
import {
	DEFAULT_TURN_WINDOW_MS,
	extendTurns,
	goLive,
	resumeTurns,
	startTurns,
	takeTurn
} from './async-schedule';
import { takersAt, waitingFor } from './async-takers';
import { nextWakeAt, tick } from './async-clock';
import {
	ana,
	base,
	ben,
	HOUR,
	ok,
	playbook,
	playedTo,
	started,
	T0
} from './async-schedule.fixture';
import { initialControlState } from './control';
import { settleRoom } from './room-rules';

describe('which playbooks and phases run as turns', () => {
	test('the three marked built-in playbooks run as turns, and an unmarked one does not', () => {
		for (const marked of [activeListeningSprint, feedbackThatLands, rolePlayWithReality]) {
			expect(runsAsTurns(playbookSchema.parse(marked))).toBe(true);
		}
		expect(runsAsTurns(playbookSchema.parse(gratitudeCircle))).toBe(false);
	});

	test('[A1] starting an unmarked playbook as turns is refused and changes nothing', () => {
		const other = playbookSchema.parse(gratitudeCircle);
		const result = startTurns(initialControlState(other), other, {}, T0);
		expect(result.ok ? undefined : result.error.params?.reason).toBe('async_unsupported');
	});

	test('[A1] a window for a phase that does not run as turns is refused', () => {
		const result = startTurns(base, playbook, { silence: HOUR }, T0);
		expect(result.ok).toBe(false);
	});

	test('[A3] the takers of a phase are those whose role in its round it names, online or not', () => {
		const state = started();
		expect(takersAt(state, playbook, 1)).toEqual([ana]);
		expect(takersAt(state, playbook, 2)).toEqual([ben]);
		// Round two swaps the roles: Ben tells the story.
		expect(takersAt(state, playbook, 5)).toEqual([ben]);
		expect(takersAt(state, playbook, 9).sort()).toEqual([ana, ben]);
		expect(takersAt(state, playbook, 3)).toEqual([]);
	});
});

describe('windows and deadlines in server time', () => {
	test('[A2] starting passes over phases without turns and opens the first turn with a 24 h window', () => {
		const state = started();
		expect(state.step).toBe(1);
		expect(state.async).toMatchObject({
			mode: 'async',
			openedAt: T0,
			deadlineAt: T0 + DEFAULT_TURN_WINDOW_MS,
			taken: []
		});
	});

	test('[A2] a phase gets the window the starter chose for it', () => {
		const state = started({ story: 6 * HOUR });
		expect(state.async?.deadlineAt).toBe(T0 + 6 * HOUR);
	});

	test('[A2] a 24 h window over the night the clocks go forward is 24 real hours: 13:00 the next day in Berlin', () => {
		const state = started();
		const deadline = state.async?.deadlineAt ?? 0;
		const berlin = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Berlin',
			dateStyle: 'short',
			timeStyle: 'short'
		});
		expect(berlin.format(T0)).toBe('28/03/2026, 13:00');
		expect(berlin.format(deadline)).toBe('29/03/2026, 14:00');
	});
});

describe('turns and the soft end', () => {
	test('[A5] when every taker has taken their turn the room moves on at once', () => {
		const state = ok(takeTurn(started(), playbook, ana, 1, T0 + HOUR));
		expect(state.step).toBe(2);
		expect(state.async).toMatchObject({ openedAt: T0 + HOUR, taken: [] });
	});

	test('[A4] someone whose turn it is not is refused, and nothing changes', () => {
		const result = takeTurn(started(), playbook, ben, 1, T0);
		expect(result.ok ? undefined : result.error.params?.reason).toBe('not_your_turn');
	});

	test('[A4] a turn for a step the room has left changes nothing', () => {
		const state = started();
		expect(ok(takeTurn(state, playbook, ana, 0, T0))).toBe(state);
	});

	test('[A6] a deadline that passes records who did not take their turn (the soft end)', () => {
		const state = tick(started(), playbook, T0 + 24 * HOUR);
		expect(state.async?.missed).toEqual([{ phaseIndex: 1, round: 1, personIds: [ana] }]);
	});

	test('[A5] with two takers the room waits for the second', () => {
		const state = ok(takeTurn(playedTo(9), playbook, ana, 9, T0 + 9 * HOUR));
		expect(waitingFor(state, playbook)).toEqual([ben]);
		expect(state.async?.deadlineAt).not.toBeNull();
	});

	test('[A6] after the last turn the schedule ends: no deadline, nothing to wake for', () => {
		let state: ControlState = started();
		for (let i = 0; i < 20 && state.async?.deadlineAt !== null; i++) {
			state = tick(state, playbook, (state.async?.deadlineAt ?? 0) + 1);
		}
		expect(state.step).toBe(9);
		expect(state.async?.deadlineAt).toBeNull();
		expect(nextWakeAt(state)).toBeUndefined();
		// Round one: story, paraphrase, rating; round two the same; then the adjustment.
		expect(state.async?.missed).toHaveLength(7);
	});
});

describe('the rotation across time zones', () => {
	test('[A3] the speaker of a round stays when only the other person is online', () => {
		// Round two: Ben tells the story, Ana listens, whoever is online.
		let state = started();
		for (const step of [1, 2, 4]) {
			const person = step === 2 ? ben : ana;
			state = ok(takeTurn(state, playbook, person, step, T0));
		}
		expect(state.step).toBe(5);
		const settled = settleRoom(state, playbook, [ana], T0);
		expect(takersAt(settled, playbook, 5)).toEqual([ben]);
	});
});

describe('the one extension', () => {
	test('[A7] extends the current deadline by the phase window, once', () => {
		const state = ok(extendTurns(started(), playbook, 1, T0 + HOUR));
		expect(state.async).toMatchObject({ deadlineAt: T0 + 48 * HOUR, extended: true });
		const again = extendTurns(state, playbook, 1, T0 + 2 * HOUR);
		expect(again.ok ? undefined : again.error.params?.reason).toBe('extended_once');
	});

	test('[A7] an extension after the deadline, or for another step, is refused', () => {
		const late = extendTurns(started(), playbook, 1, T0 + 24 * HOUR);
		expect(late.ok).toBe(false);
		expect(extendTurns(started(), playbook, 2, T0).ok).toBe(false);
	});

	test('[A7] a new step may be extended again', () => {
		const extended = ok(extendTurns(started(), playbook, 1, T0));
		const next = ok(takeTurn(extended, playbook, ana, 1, T0 + HOUR));
		expect(next.async?.extended).toBe(false);
	});
});

describe('live and back', () => {
	test('[A8] going live needs two people present, then the deadlines rest', () => {
		const alone = goLive(started(), playbook, [ana]);
		expect(alone.ok ? undefined : alone.error.params?.reason).toBe('live_needs_two');
		const live = ok(goLive(started(), playbook, [ana, ben]));
		expect(live.async?.mode).toBe('live');
		expect(nextWakeAt(live)).toBeUndefined();
		expect(tick(live, playbook, T0 + 100 * HOUR)).toBe(live);
	});

	test('[A8] back to turns opens the current step again from now, keeping the turns taken', () => {
		const live = ok(goLive(started(), playbook, [ana, ben]));
		const back = ok(resumeTurns(live, playbook, T0 + 5 * HOUR));
		expect(back.step).toBe(1);
		expect(back.async).toMatchObject({ mode: 'async', deadlineAt: T0 + 29 * HOUR });
	});

	test('[A8] back to turns on a step without turns moves on to the next one that has them', () => {
		const live = { ...ok(goLive(started(), playbook, [ana, ben])), step: 3 };
		const back = ok(resumeTurns(live, playbook, T0));
		expect(back.step).toBe(4);
	});
});
