import { ownValue } from '../protocol/own-key';
import type { Playbook } from '../protocol/playbook';
import type { PlaybookTranslation } from '../protocol/playbook-translation';

/**
 * The texts of `playbook` its translation into `language` leaves untranslated, as paths in the
 * file (`phases[2].prompts[1]`): the built-in playbooks must have none in any language the
 * interface speaks. Advice hints are left out: they are phrases of each language, not
 * translations of the original's.
 */
export function untranslatedTexts(playbook: Playbook, language: string): string[] {
	const translation: PlaybookTranslation | undefined = playbook.translations?.[language];
	if (!translation) return ['(the whole playbook)'];
	const missing: string[] = [];
	const need = (present: unknown, path: string) => {
		if (present === undefined) missing.push(path);
	};
	const needEach = (
		originals: readonly unknown[],
		translated: unknown[] | undefined,
		path: string
	) => originals.forEach((_, index) => need(translated?.[index], `${path}[${index}]`));
	need(translation.title, 'title');
	need(translation.summary, 'summary');
	need(translation.purpose, 'purpose');
	needEach(playbook.outcomes, translation.outcomes, 'outcomes');
	playbook.roles.forEach((_, index) => {
		need(translation.roles?.[index]?.name, `roles[${index}].name`);
		need(translation.roles?.[index]?.brief, `roles[${index}].brief`);
	});
	needEach(playbook.agreements, translation.agreements, 'agreements');
	playbook.phases.forEach((phase, index) => {
		const translated = translation.phases?.[index];
		const at = `phases[${index}]`;
		need(translated?.title, `${at}.title`);
		need(translated?.summary, `${at}.summary`);
		for (const roleId of Object.keys(phase.instructions)) {
			need(ownValue(translated?.instructions, roleId), `${at}.instructions.${roleId}`);
		}
		needEach(phase.prompts, translated?.prompts, `${at}.prompts`);
	});
	needEach(playbook.debrief, translation.debrief, 'debrief');
	playbook.pitfalls.forEach((_, index) => {
		need(translation.pitfalls?.[index]?.pitfall, `pitfalls[${index}].pitfall`);
		need(translation.pitfalls?.[index]?.rescue, `pitfalls[${index}].rescue`);
	});
	need(translation.closing, 'closing');
	return missing;
}
