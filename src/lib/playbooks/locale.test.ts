import { describe, expect, test } from 'vitest';
import { asLocale, languageName } from './locale';

describe('locales', () => {
	test('a language choice names each language in itself', () => {
		expect([languageName('en'), languageName('de'), languageName('es')]).toEqual([
			'English',
			'Deutsch',
			'Español'
		]);
	});

	test('a language the interface does not speak is named by Intl, in itself', () => {
		expect([languageName('fr'), languageName('pt-BR')]).toEqual(['Français', 'Português (Brasil)']);
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
