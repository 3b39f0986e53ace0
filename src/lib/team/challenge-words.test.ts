import { describe, expect, test } from 'vitest';
import { inLocale } from '../../../tests/support/in-locale';
import { CHALLENGE_MESSAGES, challengeWords } from './challenge-words';
import { BUILT_IN_CHALLENGES } from './circle-challenges';

describe('the built-in challenges in the reader’s language', () => {
	test('the English messages are the built-ins the server sends, in the same order', () => {
		expect(CHALLENGE_MESSAGES.map((message) => message())).toEqual(BUILT_IN_CHALLENGES);
	});

	test('a built-in challenge is said in German or Spanish', () => {
		const first = BUILT_IN_CHALLENGES[0]!;
		expect(inLocale('de', () => challengeWords(first, true))).toBe(
			'Paraphrasiere diese Woche in jedem Meeting einmal, bevor du antwortest.'
		);
		expect(inLocale('es', () => challengeWords(first, true))).toBe(
			'Esta semana, en cada reunión, haz una paráfrasis antes de responder.'
		);
	});

	test('a member’s own challenge, or text no built-in has, stays as written', () => {
		const first = BUILT_IN_CHALLENGES[0]!;
		expect(inLocale('de', () => challengeWords(first, false))).toBe(first);
		expect(inLocale('de', () => challengeWords('Lunch together', true))).toBe('Lunch together');
	});
});
