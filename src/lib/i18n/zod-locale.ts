import { config } from 'zod/v4/core';
import type { $ZodErrorMap } from 'zod/v4/core';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

// zod's own words, for the problems our schemas do not word themselves (docs/languages.md).

type ZodLocale = { default: () => { localeError: $ZodErrorMap } };

/** Each language's words its own chunk: all three would cost a page about 4.4 KiB gzip. */
const ZOD_LOCALES: Record<Locale, () => Promise<ZodLocale>> = {
	en: () => import('zod/v4/locales/en.js'),
	de: () => import('zod/v4/locales/de.js'),
	es: () => import('zod/v4/locales/es.js')
};

/**
 * In the browser: zod speaks the page's language, which holds until the page reloads (the
 * language switcher reloads it). Until the words arrive, a problem reads "Invalid input".
 */
export async function useZodLocale(): Promise<void> {
	const locale = await ZOD_LOCALES[getLocale()]();
	config(locale.default());
}
