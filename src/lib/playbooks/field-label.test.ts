import { describe, expect, test } from 'vitest';
import { fieldLabel, labelledProblems } from './field-label';

describe('fieldLabel', () => {
	test('names a field as the form labels it, numbering entries from 1', () => {
		expect(fieldLabel('title', { locale: 'en' })).toBe('Title');
		expect(fieldLabel('phases[2].prompts[0]', { locale: 'en' })).toBe('Phase 3, Prompts, item 1');
		expect(fieldLabel('roles[0].name', { locale: 'en' })).toBe('Role 1, Name');
		expect(fieldLabel('outcomes[1]', { locale: 'en' })).toBe('Outcomes, item 2');
		expect(fieldLabel('groupSize.max', { locale: 'en' })).toBe('Most people');
		// An imported file's problem may sit on a checkbox's field too.
		expect(fieldLabel('roundPerPerson', { locale: 'de' })).toBe('Eine Runde pro Person');
	});

	test('speaks the person’s language', () => {
		expect(fieldLabel('phases[2].prompts[0]', { locale: 'de' })).toBe(
			'Phase 3, Impulse, Eintrag 1'
		);
		expect(fieldLabel('pitfalls[1].rescue', { locale: 'es' })).toBe('Trampa 2, Salida');
	});

	test('a phase’s summary, its instructions and a translation are named for what they are', () => {
		expect(fieldLabel('phases[0].summary', { locale: 'en' })).toBe('Phase 1, What happens');
		expect(fieldLabel('summary', { locale: 'en' })).toBe('One-line summary');
		expect(fieldLabel('phases[1].instructions.listener', { locale: 'en' })).toBe(
			'Phase 2, What the listener does'
		);
		expect(fieldLabel('translations.de.phases[1].title', { locale: 'en' })).toBe(
			'Translation (de), Phase 2, Title'
		);
	});

	test('a field the form does not know stays as the file writes it', () => {
		expect(fieldLabel('phases[0].colour', { locale: 'en' })).toBe('Phase 1, colour');
	});
});

test('labelledProblems lists each problem under its field’s label, and a whole-playbook one alone', () => {
	const byPath = new Map([
		['phases[0].title', ['must not be empty']],
		['', ['is too long altogether']]
	]);
	expect(labelledProblems(byPath, { locale: 'en' })).toEqual([
		'Phase 1, Title: must not be empty',
		'is too long altogether'
	]);
});
