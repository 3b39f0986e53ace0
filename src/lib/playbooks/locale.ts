/**
 * The languages the interface speaks, and so the languages the library offers to filter by and
 * the built-in playbooks are written in. Adding one here asks for its translation of every
 * built-in playbook (built-in-translations.test.ts).
 */
export const LOCALES = ['en', 'de', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The locale among LOCALES a value names, or undefined (for values from URLs and forms). */
export const asLocale = (value: string | null | undefined): Locale | undefined =>
	LOCALES.find((locale) => locale === value);

/**
 * A language's name in itself ("Deutsch", "Español"), as a language choice shows it: standing
 * alone, it starts with a capital even where the language writes its names in lower case.
 */
export function languageName(language: string): string {
	const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
	return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/**
 * The locale of the person the page is for: the one place the pages ask, so the interface's own
 * choice of language (cookie, Accept-Language, else English) decides it once that is wired in.
 */
export const personLocale = (): Locale => DEFAULT_LOCALE;
