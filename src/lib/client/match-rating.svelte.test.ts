import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { FeedbackAnswersDoc, readFeedbackAnswers } from './feedback-answers';
import { MatchRatingForm } from './match-rating.svelte';

const ana = 'ana-0001';

test('[A21] saves nothing before a point is chosen, then the point and the word', () => {
	const doc = new Y.Doc();
	const form = new MatchRatingForm();
	expect(form.save(new FeedbackAnswersDoc(doc), 1, ana, 1_000)).toBe(false);
	form.choice = 4;
	form.word = ' close ';
	expect(form.save(new FeedbackAnswersDoc(doc), 1, ana, 1_000)).toBe(true);
	expect(form.status).toBe('Rating saved.');
	expect(readFeedbackAnswers(doc, 1)[0]?.match).toEqual({
		participantId: ana,
		value: 4,
		word: 'close',
		at: 1_000
	});
});

test('[A21] a word too long is not saved and says nothing was', () => {
	const doc = new Y.Doc();
	const form = new MatchRatingForm();
	form.choice = 2;
	form.word = 'x'.repeat(81);
	expect(form.save(new FeedbackAnswersDoc(doc), 1, ana, 1_000)).toBe(false);
	expect(form.status).toBe('');
});

test('the form starts from the rating on record', () => {
	const form = new MatchRatingForm();
	form.follow(undefined);
	expect(form.choice).toBeUndefined();
	form.follow({ participantId: ana, value: 5, word: 'spot on', at: 1 });
	expect([form.choice, form.word]).toEqual([5, 'spot on']);
});

test('[A21] the same rating read again leaves an unsaved choice alone; a new one saved elsewhere is taken up', () => {
	const form = new MatchRatingForm();
	const onRecord = { participantId: ana, value: 3, word: 'partly', at: 1 };
	form.follow(onRecord);
	form.choice = 5;
	form.word = 'spot on';
	// The answers are read afresh on any change to them: a new object, the same rating.
	form.follow({ ...onRecord });
	expect([form.choice, form.word]).toEqual([5, 'spot on']);
	form.follow({ ...onRecord, value: 4, word: '', at: 2 });
	expect([form.choice, form.word]).toEqual([4, '']);
});

test('[A21] a change after saving no longer reads as saved; the saved rating coming back does', () => {
	const doc = new Y.Doc();
	const answers = new FeedbackAnswersDoc(doc);
	const form = new MatchRatingForm();
	form.choice = 3;
	form.save(answers, 1, ana, 1_000);
	// The component follows the rating on record, which now is the one just saved.
	form.follow(readFeedbackAnswers(doc, 1)[0]?.match);
	expect(form.status).toBe('Rating saved.');
	form.choice = 4;
	expect(form.status).toBe('');
	form.save(answers, 1, ana, 2_000);
	form.word = 'close';
	expect(form.status).toBe('');
});

test('[A21] a rating saved meanwhile in another tab no longer reads as this tab’s saved', () => {
	const doc = new Y.Doc();
	const answers = new FeedbackAnswersDoc(doc);
	const form = new MatchRatingForm();
	form.choice = 3;
	form.word = ' close ';
	form.save(answers, 1, ana, 1_000);
	form.follow(readFeedbackAnswers(doc, 1)[0]?.match);
	// The form shows the rating as saved, the word trimmed.
	expect([form.word, form.status]).toEqual(['close', 'Rating saved.']);
	// Another tab of the giver's saves a different rating: the form takes it up, unsaid.
	new FeedbackAnswersDoc(doc).rate(1, { participantId: ana, value: 5, word: '', at: 2_000 });
	form.follow(readFeedbackAnswers(doc, 1)[0]?.match);
	expect([form.choice, form.status]).toEqual([5, '']);
});

test('a point or word not yet saved is unsaved work; the rating on record, or one just saved, is not', () => {
	const doc = new Y.Doc();
	const form = new MatchRatingForm();
	expect(form.unsaved).toBe(false);
	form.follow({ participantId: ana, value: 5, word: 'spot on', at: 1 });
	expect(form.unsaved).toBe(false);
	form.word = 'close';
	expect(form.unsaved).toBe(true);
	form.save(new FeedbackAnswersDoc(doc), 1, ana, 1_000);
	expect(form.unsaved).toBe(false);
});
