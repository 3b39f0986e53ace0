import { overwriteGetLocale, type Locale } from '../../src/lib/paraglide/runtime';

/** Runs `read` as if the person's language were `locale`, then goes back to English. */
export function inLocale<T>(locale: Locale, read: () => T): T {
	overwriteGetLocale(() => locale);
	try {
		return read();
	} finally {
		overwriteGetLocale(() => 'en');
	}
}
