import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { FEEDBACK_MATCH_MAP } from '../protocol/room-content';
import { ClipsDoc } from './clips-doc';
import { FeedbackAnswersDoc, readFeedbackAnswers } from './feedback-answers';

const match = { participantId: 'ana-0001', value: 4, word: 'close', at: 1_000 };

test('[A20] [A21] reads each round’s answer and rating, trimmed, and leaves out a rating that does not parse', () => {
	const doc = new Y.Doc();
	const answers = new FeedbackAnswersDoc(doc);
	answers.heard(1).insert(0, '  You want to be asked first. ');
	expect(answers.rate(1, match)).toEqual(match);
	doc.getMap(FEEDBACK_MATCH_MAP).set('round-2', { ...match, value: 9 });

	expect(readFeedbackAnswers(doc, 2)).toEqual([
		{ round: 1, heard: 'You want to be asked first.', voiced: false, match },
		{ round: 2, heard: '', voiced: false, match: undefined }
	]);
});

test('[A21] a rating out of range or with too long a word changes nothing', () => {
	const doc = new Y.Doc();
	const answers = new FeedbackAnswersDoc(doc);
	expect(answers.rate(1, { ...match, value: 0 })).toBeUndefined();
	expect(answers.rate(1, { ...match, word: 'x'.repeat(81) })).toBeUndefined();
	expect(doc.getMap(FEEDBACK_MATCH_MAP).size).toBe(0);
});

test('[A21] a new rating replaces the round’s last one', () => {
	const doc = new Y.Doc();
	const answers = new FeedbackAnswersDoc(doc);
	answers.rate(1, match);
	answers.rate(1, { ...match, value: 2, word: '' });
	expect(readFeedbackAnswers(doc, 1)[0]?.match).toEqual({ ...match, value: 2, word: '' });
});

test('[A20] a clip of what was heard counts as an answer, in its own round only', () => {
	const doc = new Y.Doc();
	new ClipsDoc(doc).save('heard', 2, {
		clipId: 'A'.repeat(22),
		participantId: 'ben-0002',
		phaseId: 'rehearse',
		type: 'audio/webm',
		durationMs: 4_000,
		at: 1_000
	});
	expect(readFeedbackAnswers(doc, 2).map(({ voiced }) => voiced)).toEqual([false, true]);
});
