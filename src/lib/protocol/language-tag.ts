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

/** Display locales kept at most: a form names a language in each tag typed into it. */
const MAX_KEPT_NAMES = 32;

/**
 * `Intl`'s names of languages in `locale`, one for every caller: kept by the canonical tag
 * (`fr-ca` and `fr-CA` share one), and never more than a few dozen.
 */
export function languageNamesIn(locale: string): Intl.DisplayNames {
	const key = Intl.getCanonicalLocales(locale)[0] ?? locale;
	let names = namesByLocale.get(key);
	if (!names) {
		if (namesByLocale.size >= MAX_KEPT_NAMES) namesByLocale.clear();
		names = new Intl.DisplayNames([key], { type: 'language' });
		namesByLocale.set(key, names);
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
