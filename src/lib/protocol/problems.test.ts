import { expect, test } from 'vitest';
import { inLocale } from '$lib/i18n/in-locale';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { playbookSchema } from './playbook';
import { parseWithProblems } from './problems';

/** The problems of the built-in playbook with a phase title of 81 characters and an unknown field. */
const problems = (): string[] => {
	const playbook = structuredClone(activeListeningSprint);
	playbook.phases[1]!.title = 'x'.repeat(81);
	const parsed = parseWithProblems(playbookSchema, { ...playbook, colour: 'blue' });
	return parsed.ok ? [] : parsed.problems;
};

// One schema, built once, answers each parse in the language of that moment.
test('problems are worded in the person’s language, their paths kept', () => {
	expect(inLocale('en', problems)).toEqual([
		'phases[1].title: must be at most 80 characters',
		'has unknown field: colour'
	]);
	expect(inLocale('de', problems)).toEqual([
		'phases[1].title: darf höchstens 80 Zeichen lang sein',
		'hat ein unbekanntes Feld: colour'
	]);
	expect(inLocale('es', problems)).toEqual([
		'phases[1].title: debe tener como máximo 80 caracteres',
		'tiene un campo desconocido: colour'
	]);
});
