import { describe, expect, test } from 'vitest';
import { asLocale, languageName, LOCALES } from './locale';

describe('locales', () => {
	test('a language choice names each language in itself', () => {
		expect([languageName('en'), languageName('de'), languageName('es')]).toEqual([
			'English',
			'Deutsch',
			'Español'
		]);
	});

	// A new language's messages must name it in itself, not translate the English name.
	test.each(LOCALES)('%s names itself in its messages as Intl names it', (locale) => {
		const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
		expect(languageName(locale)).toBe(name.charAt(0).toLocaleUpperCase(locale) + name.slice(1));
	});

	test('a language the interface does not speak is named by Intl, in itself', () => {
		expect([languageName('fr'), languageName('pt-BR')]).toEqual(['Français', 'Português (Brasil)']);
	});

	test('a stored tag Intl cannot read is shown as it is, not thrown', () => {
		const unnamed = ['de-de-de', 'en-aa-bb', 'zh-yue', 'en-GB-oed'];
		expect(unnamed.map(languageName)).toEqual(unnamed);
	});

	test('only the languages the interface speaks are locales', () => {
		expect(asLocale('de')).toBe('de');
		expect([asLocale('fr'), asLocale('DE'), asLocale(null), asLocale(undefined)]).toEqual([
			undefined,
			undefined,
			undefined,
			undefined
		]);
	});
});
