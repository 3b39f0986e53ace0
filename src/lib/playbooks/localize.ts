import { sameLanguage } from '../protocol/language-tag';
import { ownValue } from '../protocol/own-key';
import type { Playbook, PlaybookSummary } from '../protocol/playbook';
import type { PlaybookTranslation } from '../protocol/playbook-translation';
import type { Locale } from './locale';

/** What can be read in several languages: a playbook or its summary. */
interface Multilingual<T> {
	language: string;
	translations?: Record<string, T>;
}

/** Every language a playbook can be read in: its own first, then its translations'. */
export function playbookLanguages(playbook: Multilingual<unknown>): string[] {
	return [playbook.language, ...Object.keys(playbook.translations ?? {})];
}

/** Whether a playbook can be read in `locale`: written in it, or translated into it. */
export function readableIn(playbook: Multilingual<unknown>, locale: Locale): boolean {
	return playbookLanguages(playbook).some((language) => sameLanguage(language, locale));
}

/**
 * The translation to show someone reading `locale`, with its language tag: none when the
 * playbook is written in their language, else the one tagged exactly so, else one in the same
 * language for another region.
 */
export function translationFor<T>(
	playbook: Multilingual<T>,
	locale: Locale
): { language: string; translation: T } | undefined {
	if (sameLanguage(playbook.language, locale)) return undefined;
	const translations = playbook.translations ?? {};
	const language =
		Object.keys(translations).find((tag) => tag.toLowerCase() === locale) ??
		Object.keys(translations).find((tag) => sameLanguage(tag, locale));
	const translation = language === undefined ? undefined : translations[language];
	return language === undefined || translation === undefined
		? undefined
		: { language, translation };
}

/** The list's entries, each translated where the translation has it. */
const eachOf = <T, U>(
	originals: readonly T[],
	translated: readonly U[] | undefined,
	merge: (original: T, translation: U | undefined) => T
): T[] => originals.map((original, index) => merge(original, translated?.[index]));

const texts = (originals: readonly string[], translated: readonly string[] | undefined) =>
	eachOf(originals, translated, (original, translation) => translation ?? original);

/**
 * The playbook as someone reading `locale` sees it: each text from its translation into that
 * language where there is one, field by field, and otherwise the original's; `language` is then
 * the translation's (what most of it is shown in). What is shown needs
 * no other translations, so the result has none; a role without an instruction in the original
 * keeps the role's brief in every language; `adviceHints` gains the translation's phrases,
 * as the person will write in that language.
 */
export function localizePlaybook(playbook: Playbook, locale: Locale): Playbook {
	const original = { ...playbook };
	delete original.translations;
	const found = translationFor<PlaybookTranslation>(playbook, locale);
	if (!found) return original;
	const { language, translation } = found;
	return {
		...original,
		language,
		title: translation.title ?? original.title,
		summary: translation.summary ?? original.summary,
		purpose: translation.purpose ?? original.purpose,
		outcomes: texts(original.outcomes, translation.outcomes),
		roles: eachOf(original.roles, translation.roles, (role, t) => ({
			...role,
			name: t?.name ?? role.name,
			brief: t?.brief ?? role.brief
		})),
		agreements: texts(original.agreements, translation.agreements),
		adviceHints: [...original.adviceHints, ...(translation.adviceHints ?? [])],
		phases: eachOf(original.phases, translation.phases, (phase, t) => ({
			...phase,
			title: t?.title ?? phase.title,
			summary: t?.summary ?? phase.summary,
			instructions: Object.fromEntries(
				Object.entries(phase.instructions).map(([role, text]) => [
					role,
					ownValue(t?.instructions, role) ?? text
				])
			),
			prompts: texts(phase.prompts, t?.prompts)
		})),
		debrief: texts(original.debrief, translation.debrief),
		pitfalls: eachOf(original.pitfalls, translation.pitfalls, (pitfall, t) => ({
			pitfall: t?.pitfall ?? pitfall.pitfall,
			rescue: t?.rescue ?? pitfall.rescue
		})),
		closing: translation.closing ?? original.closing
	};
}

/**
 * A library card in `locale`: its title and summary translated where the playbook has them, and
 * `language` the language its title is shown in (for the card's `lang`). Like a localized
 * playbook it needs no other translations, and the page carries none.
 */
export function localizeSummary(summary: PlaybookSummary, locale: Locale): PlaybookSummary {
	const found = translationFor(summary, locale);
	const card = { ...summary, translations: {} };
	if (!found) return card;
	const { language, translation } = found;
	return {
		...card,
		language: translation.title === undefined ? summary.language : language,
		title: translation.title ?? summary.title,
		summary: translation.summary ?? summary.summary
	};
}
