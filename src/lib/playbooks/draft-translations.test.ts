import { afterEach, describe, expect, test } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime';
import { fiveMinuteWin } from './built-in/five-minute-win';
import { PlaybookDraft } from './draft.svelte';
import { findBuiltInPlaybook } from './library';
import { localizePlaybook } from './localize';

const germanTitles = (draft: PlaybookDraft) => {
	if (!draft.parsed.ok) throw new Error(draft.parsed.problems.join('\n'));
	return localizePlaybook(draft.parsed.data, 'de').phases.map((phase) => phase.title);
};

describe('a draft keeps its translations following the original', () => {
	const start = () => new PlaybookDraft(findBuiltInPlaybook('five-minute-win')!, 'Grace');

	test('phases added, moved and removed take their translations along', () => {
		const draft = start();
		draft.addPhase();
		draft.value.phases[3]!.title = 'Thank the observer';
		draft.value.phases[3]!.summary = 'Close by thanking each other.';
		draft.movePhase(0, 1);
		draft.removePhase(2);
		expect(germanTitles(draft)).toEqual([
			'Eine Beobachtung',
			'Ein Verhalten',
			'Thank the observer'
		]);
	});

	test('roles and pitfalls too; instructions for a removed role go with it', () => {
		const draft = start();
		draft.addRole();
		draft.value.roles[2]!.name = 'Timekeeper';
		draft.value.roles[2]!.brief = 'Keep the time.';
		draft.removeRole(0);
		draft.addPitfall();
		draft.value.pitfalls![1] = { pitfall: 'Nobody talks.', rescue: 'Wait.' };
		draft.removePitfall(0);
		expect(draft.parsed.ok).toBe(true);
		const german = draft.parsed.ok ? localizePlaybook(draft.parsed.data, 'de') : undefined;
		expect(german?.roles.map((role) => role.name)).toEqual(['Beobachtende Person', 'Timekeeper']);
		expect(german?.pitfalls).toEqual([{ pitfall: 'Nobody talks.', rescue: 'Wait.' }]);
	});

	test('a list of texts of another length shows in the original language, and stays valid', () => {
		const draft = start();
		draft.value.outcomes.push('A smile');
		draft.value.phases[0]!.prompts.push('And then…');
		expect(draft.parsed.ok).toBe(true);
		const german = draft.parsed.ok ? localizePlaybook(draft.parsed.data, 'de') : undefined;
		expect(german?.outcomes).toEqual([...fiveMinuteWin.outcomes, 'A smile']);
		expect(german?.phases[0]?.prompts).toEqual([...fiveMinuteWin.phases[0]!.prompts, 'And then…']);
		expect(german?.phases[1]?.prompts).toEqual(['Als du …, ist mir aufgefallen, dass …']);
		expect(german?.title).toBe('Fünf-Minuten-Erfolg');
	});

	test('a copy to adapt is the playbook in the language it is read in, without translations', () => {
		const copy = PlaybookDraft.copyOf(findBuiltInPlaybook('five-minute-win')!, 'Grace', 'es');
		expect(copy.value).toMatchObject({
			title: 'Victoria en cinco minutos (mi versión)',
			language: 'es',
			author: 'Grace'
		});
		expect(copy.value.translations).toBeUndefined();
		expect(copy.parsed.ok).toBe(true);
	});
});

test('removing a role takes it out of the phases’ turns across time zones, and a phase left with none runs live', () => {
	const draft = new PlaybookDraft(findBuiltInPlaybook('active-listening-sprint')!, 'Grace');
	draft.removeRole(1);
	draft.value.rotation = 'none';
	if (!draft.parsed.ok) throw new Error(draft.parsed.problems.join('\n'));
	const turns = Object.fromEntries(draft.parsed.data.phases.map((p) => [p.id, p.turnBy]));
	expect(turns).toMatchObject({ story: ['speaker'], paraphrase: undefined });
	expect(turns['micro-adjustment']).toEqual(['speaker']);
});

describe('a blank draft', () => {
	const localeBefore = getLocale;
	afterEach(() => overwriteGetLocale(localeBefore));

	test('is in the person’s language, its first agreement too', () => {
		overwriteGetLocale(() => 'de');
		const draft = new PlaybookDraft();
		expect(draft.value.language).toBe('de');
		expect(draft.value.agreements).toEqual(['Was hier gesagt wird, bleibt hier.']);
	});
});
