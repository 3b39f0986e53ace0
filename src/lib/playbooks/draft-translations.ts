import type { PlaybookInput } from '../protocol/playbook';

/** A draft's translations, keyed by language (playbook-translation.ts). */
export type DraftTranslations = NonNullable<PlaybookInput['translations']>;

/** The lists of objects the form adds to, removes from and reorders. */
type EditedList = 'phases' | 'roles' | 'pitfalls';

/**
 * Makes the same edit to the list `key` of every translation that has it, so entry n still
 * translates entry n: a removed entry takes its translation along, a moved one moves with it,
 * a new one starts untranslated (`{}`: shown in the original language).
 */
export function editTranslations(
	translations: DraftTranslations | undefined,
	key: EditedList,
	edit: (list: object[]) => void
): void {
	for (const translation of Object.values(translations ?? {})) {
		const list = translation[key];
		if (list) edit(list);
	}
}

/** The lists of texts a translation follows entry by entry. */
const TEXT_LISTS = ['outcomes', 'agreements', 'debrief'] as const;

/**
 * The translations of a draft without what no longer follows it: a list of texts (outcomes,
 * a phase's prompts…) that now has another length than the original's, and instructions for
 * roles the draft no longer has. What is left out shows in the original language until someone
 * translates it again in the file.
 */
export function fittingTranslations(
	draft: Pick<PlaybookInput, 'translations' | 'roles' | (typeof TEXT_LISTS)[number]> & {
		phases: readonly { prompts: readonly string[] }[];
	}
): DraftTranslations | undefined {
	if (!draft.translations) return undefined;
	const roleIds = new Set(draft.roles.map((role) => role.id));
	const fits = (translated: readonly unknown[] | undefined, original: readonly unknown[]) =>
		translated === undefined || translated.length === original.length;
	return Object.fromEntries(
		Object.entries(draft.translations).map(([language, translation]) => {
			const fitting = { ...translation };
			for (const key of TEXT_LISTS) if (!fits(fitting[key], draft[key])) delete fitting[key];
			if (fitting.phases) {
				fitting.phases = fitting.phases.map((phase, index) => {
					const copy = { ...phase };
					if (!fits(copy.prompts, draft.phases[index]?.prompts ?? [])) delete copy.prompts;
					if (copy.instructions) {
						copy.instructions = Object.fromEntries(
							Object.entries(copy.instructions).filter(([roleId]) => roleIds.has(roleId))
						);
					}
					return copy;
				});
			}
			return [language, fitting];
		})
	);
}
