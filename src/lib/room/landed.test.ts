import { describe, expect, test } from 'vitest';
import { phraseChoices, samePhrase, shownMarks } from './landed';

describe('the phrases the speaker may mark as the one that landed', () => {
	test('[A17] each sentence of each part, in the paraphrase’s order, trimmed', () => {
		const choices = phraseChoices(
			{
				feelings: '  Stung that the review went past you. Tired, too!  ',
				motives: '',
				needs: 'To be asked first.\nAnd to be thanked.'
			},
			'en'
		);
		expect(choices).toEqual([
			{ part: 'feelings', text: 'Stung that the review went past you.' },
			{ part: 'feelings', text: 'Tired, too!' },
			{ part: 'needs', text: 'To be asked first.' },
			{ part: 'needs', text: 'And to be thanked.' }
		]);
	});

	test('[A17] a sentence said twice in a part is offered once; blank parts offer nothing', () => {
		expect(
			phraseChoices({ feelings: 'Alone. Alone.', motives: '   ', needs: 'Alone.' }, 'de')
		).toEqual([
			{ part: 'feelings', text: 'Alone.' },
			{ part: 'needs', text: 'Alone.' }
		]);
	});

	test('a mark is the same phrase only from the same part', () => {
		const phrase = { part: 'needs', text: 'Alone.' } as const;
		expect(samePhrase(phrase, { ...phrase })).toBe(true);
		expect(samePhrase(phrase, { ...phrase, part: 'feelings' })).toBe(false);
		expect(samePhrase(phrase, undefined)).toBe(false);
	});
});

describe('the marks a screen shows beside the paraphrase', () => {
	const first = { part: 'feelings', text: 'Stung.' } as const;
	const second = { part: 'needs', text: 'To be asked.' } as const;

	test('[A17] with one take, its mark is the phrase that landed, unless the speaker is picking it', () => {
		expect(shownMarks({ 1: first }, 1, false)).toEqual([{ take: 1, text: 'Stung.', said: 'only' }]);
		expect(shownMarks({ 1: first }, 1, true)).toEqual([]);
	});

	test('[A17] a second take’s mark in a round without a second take (a hand-made entry) is not shown', () => {
		expect(shownMarks({ 1: first, 2: second }, 1, false)).toEqual([
			{ take: 1, text: 'Stung.', said: 'only' }
		]);
	});

	test('[A19] after a second take each mark says its take; the speaker picks the second', () => {
		expect(shownMarks({ 1: first, 2: second }, 2, false)).toEqual([
			{ take: 1, text: 'Stung.', said: 'first' },
			{ take: 2, text: 'To be asked.', said: 'second' }
		]);
		expect(shownMarks({ 1: first, 2: second }, 2, true)).toEqual([
			{ take: 1, text: 'Stung.', said: 'first' }
		]);
	});
});
