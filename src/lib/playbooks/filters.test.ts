import { describe, expect, test } from 'vitest';
import { summarizePlaybook } from '../protocol/playbook';
import { MAX_SEARCH_LENGTH, matchesFilters, readFilters, writeFilters } from './filters';
import { builtInPlaybooks } from './library';

const library = builtInPlaybooks.map((playbook) => summarizePlaybook(playbook, false));
const titles = (query: string) =>
	library
		.filter((p) => matchesFilters(p, readFilters(new URLSearchParams(query))))
		.map((p) => p.id);

describe('library filters', () => {
	test('no filter shows everything', () => {
		expect(titles('')).toHaveLength(builtInPlaybooks.length);
	});

	test('a skill and a time limit together', () => {
		expect(titles('skill=listening&time=20')).toEqual([
			'active-listening-sprint',
			'five-minute-win'
		]);
	});

	test('difficulty, and the number of people the group size must allow', () => {
		expect(titles('difficulty=advanced')).toEqual(['role-play-with-reality']);
		expect(titles('people=6')).toEqual(['listening-circle', 'safety-opener', 'gratitude-circle']);
	});

	test('text search needs every word, in any field, ignoring case', () => {
		expect(titles('q=FEEDBACK%20ask')).toEqual(['feedback-that-lands']);
		expect(titles('q=nothing-like-this')).toEqual([]);
	});

	test('unknown or malformed values are ignored, and filters round-trip through the URL', () => {
		expect(readFilters(new URLSearchParams('skill=juggling&time=-3&people=abc'))).toEqual({
			q: '',
			skill: undefined,
			maxMinutes: undefined,
			difficulty: undefined,
			people: undefined,
			language: undefined
		});
		expect(readFilters(new URLSearchParams('lang=xx')).language).toBeUndefined();
		const filters = readFilters(
			new URLSearchParams('q=circle&skill=trust&time=30&difficulty=starter&people=4&lang=es')
		);
		expect(readFilters(writeFilters(filters))).toEqual(filters);
	});

	test('a search cut to its longest length keeps whole characters and reads back the same', () => {
		const read = (q: string) => readFilters(new URLSearchParams({ q })).q;
		const before = 'a'.repeat(MAX_SEARCH_LENGTH - 1);
		// A cut just after a space: trimmed, so the canonical address reads back to itself.
		expect(read(`  ${before} b`)).toBe(before);
		expect(read(read(`${before} b`))).toBe(read(`${before} b`));
		// A cut through an emoji (two UTF-16 units): the whole emoji or none, never half of it.
		expect(read(`${before}😀b`)).toBe(`${before}😀`);
	});

	test('a language keeps the playbooks written or translated in it', () => {
		const german = { ...library[0]!, id: 'german', language: 'de-AT', translations: {} };
		const translated = {
			...library[0]!,
			id: 'translated',
			translations: { es: { title: 'Escucha' } }
		};
		const english = { ...library[0]!, id: 'english', translations: {} };
		const matching = (query: string) =>
			[german, translated, english]
				.filter((p) => matchesFilters(p, readFilters(new URLSearchParams(query))))
				.map((p) => p.id);
		expect(matching('lang=de')).toEqual(['german']);
		expect(matching('lang=es')).toEqual(['translated']);
		expect(matching('lang=en')).toEqual(['translated', 'english']);
	});

	test('text search finds a playbook by its title in any of its languages', () => {
		const translated = { ...library[0]!, translations: { es: { title: 'Escucha activa' } } };
		const search = (q: string) =>
			matchesFilters(translated, readFilters(new URLSearchParams({ q })));
		expect(search('escucha')).toBe(true);
		expect(search('zuhören')).toBe(false);
	});
});
