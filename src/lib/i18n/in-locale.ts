import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

/** What `read` answers with `locale` as the person's language, English again afterwards (tests). */
export const inLocale = <T>(locale: Locale, read: () => T): T => {
	overwriteGetLocale(() => locale);
	try {
		return read();
	} finally {
		overwriteGetLocale(() => 'en');
	}
};
