import { describe, expect, test } from 'vitest';
import { playbookSchema } from '../protocol/playbook';
import { builtInPlaybooks, findBuiltInPlaybook } from './library';
import { LOCALES } from './locale';
import { untranslatedTexts } from './translation-coverage';

describe('translations of the built-in playbooks', () => {
	for (const playbook of builtInPlaybooks) {
		for (const locale of LOCALES.filter((locale) => locale !== playbook.language)) {
			test(`${playbook.id} has every text in ${locale}`, () => {
				expect(untranslatedTexts(playbook, locale)).toEqual([]);
			});
		}
	}

	test('each text a translation leaves out is named by its path', () => {
		const fiveMinuteWin = findBuiltInPlaybook('five-minute-win')!;
		const partial = playbookSchema.parse({
			...fiveMinuteWin,
			translations: {
				de: {
					...fiveMinuteWin.translations?.de,
					summary: undefined,
					roles: [{ name: 'Übende Person' }, fiveMinuteWin.translations?.de?.roles?.[1] ?? {}],
					phases: [{}, ...(fiveMinuteWin.translations?.de?.phases?.slice(1) ?? [])]
				}
			}
		});
		expect(untranslatedTexts(partial, 'de')).toEqual([
			'summary',
			'roles[0].brief',
			'phases[0].title',
			'phases[0].summary',
			'phases[0].instructions.practiser',
			'phases[0].instructions.observer',
			'phases[0].prompts[0]'
		]);
		expect(untranslatedTexts(partial, 'es')).toEqual(['(the whole playbook)']);
	});

	test('an instruction for a role named like an object property is missing when not translated', () => {
		// Stored playbooks may have such role ids (own-key.ts); a plain lookup would find `constructor`
		// on Object.prototype and take the untranslated instruction for a translated one.
		const renamed: unknown = JSON.parse(
			JSON.stringify(findBuiltInPlaybook('five-minute-win')!).replaceAll(
				'"observer"',
				'"constructor"'
			)
		);
		const stored = playbookSchema.parse(renamed);
		const firstPhase = stored.translations!.de!.phases![0]!;
		firstPhase.instructions = { practiser: firstPhase.instructions!.practiser! };
		expect(untranslatedTexts(stored, 'de')).toEqual(['phases[0].instructions.constructor']);
	});
});
