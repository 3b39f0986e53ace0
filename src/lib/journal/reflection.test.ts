import { describe, expect, test } from 'vitest';
import { reflection, sessionFacts, T0 } from './journal.fixture';
import { reflectionFrom, type ReflectionDraftValues } from './reflection';

const draft: ReflectionDraftValues = {
	skill: 'listening',
	confidence: 3,
	context: ' Stand-up ran long ',
	action: 'I paraphrased before answering',
	result: 'Sam felt heard',
	feelings: 'Calmer'
};
const ids = { id: reflection.id, now: reflection.createdAt };

describe('reflectionFrom', () => {
	test('makes a journal record with the session’s facts, answers trimmed', () => {
		expect(reflectionFrom(draft, sessionFacts, ids)).toEqual({ ok: true, entry: reflection });
	});

	test('written at any time, it has no session; the answers may be empty', () => {
		const empty = { ...draft, context: '', action: '', result: '', feelings: '' };
		const result = reflectionFrom(empty, null, { id: 'r2', now: T0 });
		expect(result.ok && result.entry).toMatchObject({
			session: null,
			context: '',
			skill: 'listening'
		});
	});

	test('asks for a skill and a confidence in plain words', () => {
		const result = reflectionFrom({ ...draft, skill: undefined, confidence: undefined }, null, ids);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toEqual({
				skill: 'Choose the skill you practised.',
				confidence: 'Choose how confident you feel, from 1 to 5.'
			});
		}
	});

	test('names an answer that is too long', () => {
		const result = reflectionFrom({ ...draft, feelings: 'x'.repeat(2001) }, null, ids);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.problems.feelings).toBe('Feelings must be at most 2000 characters.');
	});
});
