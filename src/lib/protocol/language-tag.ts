/**
 * Language tags of playbooks (BCP 47, as in `lang` attributes): plain helpers apart from the
 * schemas, so the library's filters and the localizing of playbooks use them without loading zod.
 */

/**
 * A language, optionally with script and region: `de`, `es-419`, `pt-BR`, `zh-Hant`. Stored
 * playbooks are read with this shape alone: a tag it let through stays readable.
 */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

/** Whether `tag` has the shape of a language tag (what stored playbooks are read with). */
export const isLanguageTag = (tag: string): boolean => LANGUAGE_TAG.test(tag);

/** Each display locale's names of languages, made when first asked for (a form checks per key). */
const namesByLocale = new Map<string, Intl.DisplayNames>();

/** `Intl`'s names of languages in `locale`, one for every caller. */
export function languageNamesIn(locale: string): Intl.DisplayNames {
	let names = namesByLocale.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'language' });
		namesByLocale.set(locale, names);
	}
	return names;
}

/**
 * Whether `Intl` can read and name `tag`, asked of a playbook being written. The shape lets
 * through tags `Intl` throws on: a repeated subtag (`de-de-de`), an extended language (`zh-yue`,
 * written `yue`), a grandfathered tag (`en-GB-oed`). Names are shown with `Intl.DisplayNames`, so
 * such a tag would show as it is, never named.
 */
export function intlNamesLanguage(tag: string): boolean {
	try {
		Intl.getCanonicalLocales(tag);
		languageNamesIn('en').of(tag);
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
