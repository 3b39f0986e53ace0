import { describe, expect, test } from 'vitest';
import { playbookSchema, summarizePlaybook, type PlaybookInput } from '../protocol/playbook';
import { fiveMinuteWin } from './built-in/five-minute-win';
import { localizePlaybook, localizeSummary, playbookLanguages, readableIn } from './localize';

/** The Five-Minute Win with only the translations given here. */
const withTranslations = (translations: PlaybookInput['translations'], language = 'en') =>
	playbookSchema.parse({ ...structuredClone(fiveMinuteWin), language, translations });

describe('localizing a playbook', () => {
	test('a stored role named constructor keeps its own instruction where the translation has none', () => {
		const named = JSON.parse(
			JSON.stringify(
				withTranslations({ de: { phases: [{ instructions: {} }, {}, {}] } })
			).replaceAll('"observer"', '"constructor"')
		);
		const german = localizePlaybook(playbookSchema.parse(named), 'de');
		expect(german.phases[0]!.instructions['constructor']).toBe(
			fiveMinuteWin.phases[0]!.instructions.observer
		);
	});

	const partial = withTranslations({
		'de-CH': { title: 'Fünf-Minuten-Gewinn' },
		de: {
			title: 'Der Fünf-Minuten-Erfolg',
			roles: [{ name: 'Übende' }, {}],
			phases: [
				{ prompts: ['In dem Meeting habe ich …'], instructions: { observer: 'Zuhören.' } },
				{},
				{}
			],
			adviceHints: ['du solltest']
		}
	});

	test('each text comes from the translation where it has one, else from the original', () => {
		const german = localizePlaybook(partial, 'de');
		expect(german.title).toBe('Der Fünf-Minuten-Erfolg');
		expect(german.language).toBe('de');
		expect(german.summary).toBe(fiveMinuteWin.summary);
		expect(german.roles.map((role) => [role.id, role.name, role.brief])).toEqual([
			['practiser', 'Übende', fiveMinuteWin.roles[0]!.brief],
			['observer', 'Observer', fiveMinuteWin.roles[1]!.brief]
		]);
		expect(german.phases[0]!.prompts).toEqual(['In dem Meeting habe ich …']);
		expect(german.phases[0]!.instructions).toEqual({
			practiser: fiveMinuteWin.phases[0]!.instructions.practiser,
			observer: 'Zuhören.'
		});
		expect(german.phases[1]).toEqual(partial.phases[1]);
		expect(german.adviceHints).toEqual(['du solltest']);
	});

	test('ids, timings, tools and rounds stay the original’s, and the result carries no translations', () => {
		const german = localizePlaybook(partial, 'de');
		expect(german.phases.map((p) => [p.id, p.durationSec, p.tool])).toEqual(
			partial.phases.map((p) => [p.id, p.durationSec, p.tool])
		);
		expect(german.translations).toBeUndefined();
		expect(german.rounds).toBe(partial.rounds);
	});

	test('the person’s own language shows the original; a language without translation too', () => {
		const original = { ...partial };
		delete original.translations;
		expect(localizePlaybook(partial, 'en')).toEqual(original);
		expect(localizePlaybook(partial, 'es')).toEqual(original);
	});

	test('a translation for another region of the language serves when there is no exact one', () => {
		const swiss = withTranslations({ 'de-CH': { title: 'Fünf-Minuten-Gewinn' } });
		expect(localizePlaybook(swiss, 'de').title).toBe('Fünf-Minuten-Gewinn');
		const spanish = withTranslations({ en: { title: 'Five-Minute Win' } }, 'es-MX');
		expect(localizePlaybook(spanish, 'es')).toMatchObject({ title: fiveMinuteWin.title });
		expect(localizePlaybook(spanish, 'en').title).toBe('Five-Minute Win');
	});

	test('library cards: title and summary in the person’s language, and the languages it has', () => {
		const summary = summarizePlaybook(partial, false);
		expect(playbookLanguages(summary)).toEqual(['en', 'de-CH', 'de']);
		expect(readableIn(summary, 'de')).toBe(true);
		expect(readableIn(summary, 'es')).toBe(false);
		expect(localizeSummary(summary, 'de')).toMatchObject({
			id: 'five-minute-win',
			language: 'de',
			title: 'Der Fünf-Minuten-Erfolg',
			summary: fiveMinuteWin.summary
		});
		expect(localizeSummary(summary, 'en')).toMatchObject({
			title: fiveMinuteWin.title,
			language: 'en',
			translations: {}
		});
		expect(localizeSummary(summary, 'de').translations).toEqual({});
	});
});
