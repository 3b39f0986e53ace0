import { expect, test } from 'vitest';
import { inLocale } from './in-locale';
import { SKILLS } from '$lib/protocol/playbook-facets';
import { difficultyName, skillName } from './facet-names';

test('names skills and levels in the reader’s language', () => {
	expect(inLocale('en', () => [skillName('problem-solving'), difficultyName('starter')])).toEqual([
		'problem-solving',
		'starter'
	]);
	expect(inLocale('de', () => [skillName('listening'), difficultyName('advanced')])).toEqual([
		'Zuhören',
		'fortgeschritten'
	]);
	expect(inLocale('es', () => [skillName('trust'), difficultyName('practised')])).toEqual([
		'confianza',
		'con práctica'
	]);
});

test('gives every skill a name of its own in each language', () => {
	for (const locale of ['en', 'de', 'es'] as const) {
		const names = inLocale(locale, () => SKILLS.map(skillName));
		expect(new Set(names).size).toBe(SKILLS.length);
	}
});
