import { m } from '$lib/paraglide/messages';
import { baseLocale, getLocale, locales, type Locale } from '$lib/paraglide/runtime';
import { intlNamesLanguage, languageNamesIn } from '../protocol/language-tag';

export type { Locale };

/**
 * The languages the interface speaks (project.inlang/settings.json), and so the languages the
 * library offers to filter by and the built-in playbooks are written in. Adding one asks for its
 * translation of every built-in playbook (translation-coverage.test.ts).
 */
export const LOCALES: readonly Locale[] = locales;

export const DEFAULT_LOCALE: Locale = baseLocale;

/** The locale among LOCALES a value names, or undefined (for values from URLs and forms). */
export const asLocale = (value: string | null | undefined): Locale | undefined =>
	LOCALES.find((locale) => locale === value);

/**
 * A language's name in itself ("Deutsch", "Español"), as a language choice shows it: standing
 * alone, it starts with a capital even where the language writes its names in lower case. The
 * interface's languages name themselves in their own messages: every page's switcher shows them,
 * and a page's first `Intl.DisplayNames` loads the browser's language data (about 45 ms of the
 * room page's start in headless Chromium). Other languages (a playbook's translations) ask `Intl`.
 */
export function languageName(language: string): string {
	const locale = asLocale(language);
	if (locale) return m.language_self_name({}, { locale });
	// A stored tag of a language tag's shape that Intl cannot read (`de-de-de`, `zh-yue`):
	// writing refuses those now, reading keeps them, and they show as they are.
	if (!intlNamesLanguage(language)) return language;
	const name = languageNamesIn(language).of(language) ?? language;
	return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/**
 * The locale of the person the page is for: the interface's own choice (the switcher's cookie,
 * else Accept-Language or the browser's languages, else English; docs/languages.md).
 */
export const personLocale = (): Locale => getLocale();
