import { describe, expect, test } from 'vitest';
import { listOf, paraphraseLabel, RATING_VALUES, ratingLabel } from './tool-words';

describe('words of the practice tools', () => {
	test('the felt-understanding scale in English, German and Spanish', () => {
		expect(RATING_VALUES.map((value) => ratingLabel(value, 'en'))).toEqual([
			'Not at all',
			'A little',
			'Partly',
			'Mostly',
			'Completely'
		]);
		expect(RATING_VALUES.map((value) => ratingLabel(value, 'de'))).toEqual([
			'Gar nicht',
			'Etwas',
			'Teilweise',
			'Weitgehend',
			'Völlig'
		]);
		expect(ratingLabel(5, 'es')).toBe('Totalmente');
	});

	test('a value off the scale has no words', () => {
		expect(ratingLabel(0, 'en')).toBe('');
		expect(ratingLabel(6, 'de')).toBe('');
	});

	test('the parts of a paraphrase', () => {
		expect(paraphraseLabel('needs', 'en')).toBe('Needs');
		expect(paraphraseLabel('feelings', 'de')).toBe('Gefühle');
		expect(paraphraseLabel('motives', 'es')).toBe('Motivos');
	});

	test('names in running text, joined as each language joins a list', () => {
		expect(listOf(['Ana'], 'en')).toBe('Ana');
		expect(listOf(['Ana', 'Ben', 'Cy'], 'en')).toBe('Ana, Ben, and Cy');
		expect(listOf(['Ana', 'Ben', 'Cy'], 'de')).toBe('Ana, Ben und Cy');
		expect(listOf(['Ana', 'Ben'], 'es')).toBe('Ana y Ben');
	});
});
