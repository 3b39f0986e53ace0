import { describe, expect, test } from 'vitest';
import { fiveMinuteWin } from '../playbooks/built-in/five-minute-win';
import { newPlaybookSchema, playbookSchema, type PlaybookInput } from './playbook';
import { parseWithProblems } from './problems';

/**
 * The Five-Minute Win as written (English only), changed by `change`, and its problems as read
 * from storage (or, with `newPlaybookSchema`, as written).
 */
const problemsOf = (
	change: (playbook: PlaybookInput) => void,
	schema: typeof playbookSchema = playbookSchema
): string[] => {
	const english = structuredClone(fiveMinuteWin);
	change(english);
	const parsed = parseWithProblems(schema, english);
	return parsed.ok ? [] : parsed.problems;
};

describe('playbook languages and translations', () => {
	test('a playbook without a language is English, and needs no translations', () => {
		const bare = structuredClone(fiveMinuteWin);
		delete bare.language;
		const parsed = playbookSchema.parse(bare);
		expect(parsed.language).toBe('en');
		expect(parsed.translations).toBeUndefined();
	});

	test('a partial translation is valid: what it leaves out is shown in the original', () => {
		expect(
			problemsOf((p) => {
				p.translations = { fr: { title: 'Victoire en cinq minutes', phases: [{}, {}, {}] } };
			})
		).toEqual([]);
	});

	test('a language that is not a language tag, or a translation into the own language', () => {
		expect(
			problemsOf((p) => {
				p.language = 'English';
				p.translations = { German: { title: 'Fünf Minuten' }, en: { title: 'Five' } };
			})
		).toEqual([
			'language: must be a language tag such as "de" or "pt-BR"',
			'translations.German: must be keyed by a language tag such as "de" or "pt-BR"'
		]);
		expect(problemsOf((p) => (p.translations = { en: { title: 'Five' } }))).toEqual([
			`translations.en: translates into the playbook's own language "en"`
		]);
	});

	test('a new playbook with a tag Intl cannot name is refused, as language and as key', () => {
		const unnamed =
			'must be a language tag browsers can name: "yue" rather than "zh-yue", each subtag once (not "de-de-de")';
		expect(
			problemsOf((p) => {
				p.language = 'de-de-de';
				p.translations = { 'zh-yue': { title: 'Five' }, 'en-GB-oed': { title: 'Five' } };
			}, newPlaybookSchema)
		).toEqual([
			`language: ${unnamed}`,
			`translations.zh-yue: ${unnamed}`,
			`translations.en-GB-oed: ${unnamed}`
		]);
	});

	test('a stored playbook with such a tag still reads: it was saved when the shape was enough', () => {
		expect(
			problemsOf((p) => {
				p.language = 'zh-yue';
				p.translations = { 'de-de-de': { title: 'Fünf' } };
			})
		).toEqual([]);
	});

	test('lists of another length than the original are refused with a clear message', () => {
		expect(
			problemsOf((p) => {
				p.translations = {
					de: {
						phases: [{ prompts: ['Im Meeting habe ich…', 'Und dann…'] }, {}],
						debrief: []
					}
				};
			})
		).toEqual([
			'translations.de.phases: has 2 entries, but the original has 3 entries; a translation follows the original entry by entry',
			'translations.de.debrief: has 0 entries, but the original has 1 entry; a translation follows the original entry by entry',
			'translations.de.phases[0].prompts: has 2 entries, but the original has 1 entry; a translation follows the original entry by entry'
		]);
	});

	test('translated texts keep the limits of the original, and unknown fields and roles are named', () => {
		expect(
			problemsOf((p) => {
				p.translations = {
					es: {
						title: 'x'.repeat(81),
						roles: [{ name: ' ' }, { colour: 'red' } as never],
						phases: [{ instructions: { coach: 'Escucha.' } }, {}, {}]
					}
				};
			})
		).toEqual([
			'translations.es.title: must be at most 80 characters',
			'translations.es.roles[0].name: must not be empty',
			'translations.es.roles[1]: has unknown field: colour',
			'translations.es.phases[0].instructions.coach: names an unknown role "coach"'
		]);
	});
});
