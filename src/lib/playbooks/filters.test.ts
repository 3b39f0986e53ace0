import { describe, expect, test } from 'vitest';
import { summarizePlaybook } from '../protocol/playbook';
import { matchesFilters, readFilters, writeFilters } from './filters';
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
			people: undefined
		});
		const filters = readFilters(
			new URLSearchParams('q=circle&skill=trust&time=30&difficulty=starter&people=4')
		);
		expect(readFilters(writeFilters(filters))).toEqual(filters);
	});
});
