import { describe, expect, test } from 'vitest';
import { feedbackThatLands } from '../playbooks/built-in/feedback-that-lands';
import type { ControlState } from '../protocol/control';
import { playbookSchema } from '../protocol/playbook';
import { goLive, takeTurn } from './async-schedule';
import {
	ana,
	ben,
	base as live,
	ok,
	playbook as sprint,
	started,
	T0
} from './async-schedule.fixture';
import {
	paraphraseAfterRating,
	paraphraseReadOnly,
	paraphraseSealed,
	tellsStory
} from './turn-tools';

const feedback = playbookSchema.parse(feedbackThatLands);
const speaker = { participantId: ana, roleId: 'speaker' };
const listener = { participantId: ben, roleId: 'listener' };
// Sprint phases: 0 settle, 1 story, 2 paraphrase, 3 silence, 4 rating, 5 micro-adjustment.
const [STORY, PARAPHRASE, RATING] = [1, 2, 4];

const onTurns = started();
const rated = (state: ControlState, round: number): ControlState => ({
	...state,
	ratings: { [`rating@round-${round}`]: { submitted: [ana] } }
});

describe('the story told across time zones', () => {
	test('the speaker’s story phase takes a recording or text in a room across time zones', () => {
		expect(tellsStory(sprint, onTurns, STORY)).toBe(true);
	});

	test('a live room tells the story aloud: no recorder', () => {
		expect(tellsStory(sprint, live, STORY)).toBe(false);
	});

	test('a room gone live for a while keeps its recordings in view', () => {
		expect(tellsStory(sprint, ok(goLive(onTurns, sprint, [ana, ben])), STORY)).toBe(true);
	});

	test('phases with a tool of their own, or not followed by a paraphrase, tell no story', () => {
		expect(tellsStory(sprint, onTurns, PARAPHRASE)).toBe(false);
		expect(tellsStory(sprint, onTurns, 0)).toBe(false);
		// The feedback giver's message has its own place: the feedback builder.
		expect(feedback.phases.some((_, index) => tellsStory(feedback, onTurns, index))).toBe(false);
	});
});

describe('[A11] the paraphrase sealed until the speaker rated', () => {
	test('the speaker cannot read the round’s paraphrase before rating it, the listener can', () => {
		expect(paraphraseSealed(sprint, onTurns, 1, speaker)).toBe(true);
		expect(paraphraseSealed(sprint, onTurns, 1, listener)).toBe(false);
	});

	test('the speaker’s rating of the round unseals that round only', () => {
		expect(paraphraseSealed(sprint, rated(onTurns, 1), 1, speaker)).toBe(false);
		expect(paraphraseSealed(sprint, rated(onTurns, 1), 2, speaker)).toBe(true);
	});

	test('live, everyone reads along as they always did', () => {
		expect(paraphraseSealed(sprint, live, 1, speaker)).toBe(false);
		expect(paraphraseSealed(sprint, ok(goLive(onTurns, sprint, [ana, ben])), 1, speaker)).toBe(
			false
		);
	});

	test('[A11] [A17] the rating step shows the speaker the paraphrase once they rated; the listener sees it there too', () => {
		expect(paraphraseAfterRating(sprint, onTurns, RATING, 1, speaker)).toBe(false);
		expect(paraphraseAfterRating(sprint, rated(onTurns, 1), RATING, 1, speaker)).toBe(true);
		expect(paraphraseAfterRating(sprint, onTurns, RATING, 1, listener)).toBe(true);
		expect(paraphraseAfterRating(sprint, rated(onTurns, 1), STORY, 1, speaker)).toBe(false);
		expect(paraphraseAfterRating(sprint, rated(live, 1), RATING, 1, speaker)).toBe(false);
	});
});

describe('[A17] [A19] who writes the paraphrase while the room takes turns', () => {
	// Steps: 0 settle; round 1: 1 story, 2 paraphrase, 3 silence, 4 rating.
	const at = (step: number): ControlState => ({ ...onTurns, step });
	const storyTold = ok(takeTurn(onTurns, sprint, ana, onTurns.step, T0));

	test('on the paraphrase step its taker, the listener, writes; the speaker and others read', () => {
		expect(storyTold.step).toBe(PARAPHRASE);
		expect(paraphraseReadOnly(sprint, storyTold, ben)).toBe(false);
		expect(paraphraseReadOnly(sprint, rated(storyTold, 1), ana)).toBe(true);
		expect(paraphraseReadOnly(sprint, storyTold, 'cy-00003')).toBe(true);
	});

	test('on the rating step, the speaker’s turn, nobody rewrites the take being rated', () => {
		expect(paraphraseReadOnly(sprint, at(RATING), ben)).toBe(true);
		expect(paraphraseReadOnly(sprint, rated(at(RATING), 1), ana)).toBe(true);
	});

	test('live, everyone writes along', () => {
		expect(paraphraseReadOnly(sprint, { ...live, step: RATING }, ben)).toBe(false);
		expect(paraphraseReadOnly(sprint, ok(goLive(at(RATING), sprint, [ana, ben])), ben)).toBe(false);
	});
});
