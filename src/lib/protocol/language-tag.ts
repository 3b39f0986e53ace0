/**
 * Language tags of playbooks (BCP 47, as in `lang` attributes): plain helpers apart from the
 * schemas, so the library's filters and the localizing of playbooks use them without loading zod.
 */

/** A language, optionally with script and region: `de`, `es-419`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

/**
 * Whether `tag` is a language tag `Intl` can read: the pattern lets through tags such as
 * `de-de-de` (a repeated subtag) that make `Intl.DisplayNames` throw, so `Intl` has the last word.
 */
export function isLanguageTag(tag: string): boolean {
	if (!LANGUAGE_TAG.test(tag)) return false;
	try {
		Intl.getCanonicalLocales(tag);
		return true;
	} catch {
		return false;
	}
}

/** The language a playbook written before playbooks had one is in. */
export const DEFAULT_PLAYBOOK_LANGUAGE = 'en';

/** The language alone, without script or region: `pt-BR` → `pt`. */
export const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** Whether two tags name the same language, whatever their regions: `de-CH` and `de`. */
export const sameLanguage = (a: string, b: string): boolean =>
	primaryLanguage(a) === primaryLanguage(b);
