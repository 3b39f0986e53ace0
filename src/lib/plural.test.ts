import { describe, expect, test } from 'vitest';
import { countOf, noun, wordFor } from './plural';

describe('counted words', () => {
	test('one takes the singular, every other count the plural', () => {
		expect(countOf(1, noun('session'))).toBe('1 session');
		expect(countOf(0, noun('session'))).toBe('0 sessions');
		expect(countOf(2, noun('paraphrase written', 'paraphrases written'))).toBe(
			'2 paraphrases written'
		);
	});

	test('a fraction is not one', () => {
		expect(wordFor(1.5, noun('minute'))).toBe('minutes');
	});
});
