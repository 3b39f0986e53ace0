import { afterAll, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { config } from 'zod/v4/core';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { useZodLocalePerRequest } from './zod-locale';

afterAll(() => {
	overwriteGetLocale(() => 'en');
	config({ localeError: undefined });
});

/** zod's own words for a problem our schemas leave unworded: a list that is too short. */
const problemIn = (locale: Locale): string | undefined => {
	overwriteGetLocale(() => locale);
	const result = z.safeParse(z.array(z.string()).check(z.minLength(2)), ['one']);
	return result.error?.issues[0]?.message;
};

test('zod words its own problems in the language of each request', () => {
	useZodLocalePerRequest();
	expect(problemIn('en')).toMatch(/^Too small/);
	expect(problemIn('de')).toMatch(/^Zu klein/);
	expect(problemIn('es')).toMatch(/^Demasiado pequeño/);
});
