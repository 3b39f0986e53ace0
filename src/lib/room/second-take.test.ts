import { describe, expect, test } from 'vitest';
import type { ControlState } from '../protocol/control';
import { ratingKey } from '../protocol/room-content';
import { turnEvents } from './async-events';
import { goLive, takeTurn } from './async-schedule';
import { waitingFor } from './async-takers';
import { ana, ben, HOUR, ok, playbook, started, T0 } from './async-schedule.fixture';
import { askSecondTake, mayAskSecondTake, paraphraseTake, secondTakeStep } from './second-take';

// Steps: 1 story, 2 paraphrase, 3 silence, 4 rating in round one; 8 is round two's rating.
const RATING = 4;
const LATER = T0 + 5 * HOUR;
const key = ratingKey('rating', 1);

/** Ana told the story, Ben reflected it, and the room is on Ana's turn to rate. */
const onRating = (): ControlState => {
	const told = ok(takeTurn(started(), playbook, ana, 1, T0 + HOUR));
	return ok(takeTurn(told, playbook, ben, 2, T0 + 2 * HOUR));
};
/** …and Ana has rated. */
const rated = (): ControlState => {
	const state = onRating();
	return { ...state, ratings: { [key]: { submitted: [ana], revealed: { [ana]: 4 } } } };
};
const reason = (result: ReturnType<typeof askSecondTake>) =>
	result.ok ? undefined : result.error.params?.reason;

describe('a second take of the paraphrase', () => {
	test('[A18] a rating step goes back to its round’s paraphrase; other steps go nowhere', () => {
		const state = started();
		expect(secondTakeStep(state, playbook, RATING)).toBe(2);
		expect(secondTakeStep(state, playbook, 8)).toBe(6);
		expect(secondTakeStep(state, playbook, 1)).toBeUndefined();
		expect(secondTakeStep(state, playbook, 2)).toBeUndefined();
	});

	test('[A18] [A19] the speaker who rated sends the room back to the listener’s turn with a fresh window', () => {
		const before = rated();
		expect(before.step).toBe(RATING);
		const after = ok(askSecondTake(before, playbook, ana, RATING, LATER));
		expect(after.step).toBe(2);
		expect(after.async).toMatchObject({
			openedAt: LATER,
			deadlineAt: LATER + 24 * HOUR,
			taken: [],
			extended: false,
			secondTakes: [1]
		});
		expect(waitingFor(after, playbook)).toEqual([ben]);
		// The rating stays as it was given.
		expect(after.ratings[key]).toEqual(before.ratings[key]);
	});

	test('[A19] the listener is told their turn started (so a push goes out, A9)', () => {
		const before = rated();
		const after = ok(askSecondTake(before, playbook, ana, RATING, LATER));
		expect(turnEvents(before, after, playbook)).toEqual([
			{ type: 'turn-started', phaseIndex: 2, personIds: [ben] }
		]);
	});

	test('[A19] once the listener took the second take, it is the speaker’s turn to read it again', () => {
		const asked = ok(askSecondTake(rated(), playbook, ana, RATING, LATER));
		const back = ok(takeTurn(asked, playbook, ben, 2, LATER + HOUR));
		expect(back.step).toBe(RATING);
		expect(back.async?.openedAt).toBe(LATER + HOUR);
		expect(waitingFor(back, playbook)).toEqual([ana]);
	});

	test('[A18] a second take is asked once per round', () => {
		const asked = ok(askSecondTake(rated(), playbook, ana, RATING, LATER));
		const back = ok(takeTurn(asked, playbook, ben, 2, LATER + HOUR));
		expect(reason(askSecondTake(back, playbook, ana, RATING, LATER + 2 * HOUR))).toBe(
			'second_take_once'
		);
	});

	test('[A18] only the speaker on their turn may ask', () => {
		expect(reason(askSecondTake(rated(), playbook, ben, RATING, LATER))).toBe('not_your_turn');
	});

	test('[A18] the speaker rates first', () => {
		expect(reason(askSecondTake(onRating(), playbook, ana, RATING, LATER))).toBe('rate_first');
	});

	test('[A18] once the rating step’s deadline passed, the speaker’s turn is over: no second take', () => {
		const before = rated();
		const deadline = before.async?.deadlineAt ?? 0;
		expect(askSecondTake(before, playbook, ana, RATING, deadline - 1).ok).toBe(true);
		expect(reason(askSecondTake(before, playbook, ana, RATING, deadline))).toBe('moved_on');
	});

	test('[A18] a step the room left, or a step that rates nothing, is refused and changes nothing', () => {
		expect(reason(askSecondTake(rated(), playbook, ana, 2, LATER))).toBe('moved_on');
		const onStory = started();
		expect(reason(askSecondTake(onStory, playbook, ana, 1, LATER))).toBe('no_second_take');
	});

	test('[A19] playing live, or in a room not on turns, there is no second take to ask', () => {
		const live = ok(goLive(rated(), playbook, [ana, ben]));
		expect(reason(askSecondTake(live, playbook, ana, RATING, LATER))).toBe('not_async');
		const never = { ...rated(), async: null };
		expect(reason(askSecondTake(never, playbook, ana, RATING, LATER))).toBe('not_async');
	});
});

describe('what the screens read of a second take', () => {
	test('[A18] the speaker’s screen offers the second take exactly when the room would accept it', () => {
		expect(mayAskSecondTake(rated(), playbook, ana)).toBe(true);
		expect(mayAskSecondTake(rated(), playbook, ben)).toBe(false);
		expect(mayAskSecondTake(onRating(), playbook, ana)).toBe(false);
	});

	test('[A30] the second take is not offered while the room is paused for everyone', () => {
		const paused: ControlState = { ...rated(), pause: { at: LATER, timerWasRunning: false } };
		expect(mayAskSecondTake(paused, playbook, ana)).toBe(false);
	});

	test('[A18] the paraphrase is on its first take until the speaker asks for the second', () => {
		const asked = ok(askSecondTake(rated(), playbook, ana, RATING, LATER));
		expect(paraphraseTake(rated(), 1)).toBe(1);
		expect(paraphraseTake(asked, 1)).toBe(2);
		expect(paraphraseTake(asked, 2)).toBe(1);
		expect(paraphraseTake({ async: null }, 1)).toBe(1);
	});
});
