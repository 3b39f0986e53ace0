import { config } from 'zod/v4/core';
import type { $ZodErrorMap } from 'zod/v4/core';
import de from 'zod/v4/locales/de.js';
import en from 'zod/v4/locales/en.js';
import es from 'zod/v4/locales/es.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

const LOCALE_ERRORS: Record<Locale, $ZodErrorMap> = {
	en: en().localeError,
	de: de().localeError,
	es: es().localeError
};

/**
 * On the server: zod's own words in the language of the request being answered (one process
 * answers many people at once, so zod asks at each problem). Outside a request, English.
 */
export function useZodLocalePerRequest(): void {
	config({ localeError: (issue) => LOCALE_ERRORS[getLocale()](issue) });
}
