import { afterEach, expect, test, vi } from 'vitest';
import { intlNamesLanguage, languageNamesIn } from './language-tag';

afterEach(() => vi.restoreAllMocks());

test('checking tag after tag (a form, at each keystroke) makes no new Intl.DisplayNames', () => {
	intlNamesLanguage('de');
	const made = vi.spyOn(Intl, 'DisplayNames');
	const checked = ['f', 'fr', 'fr-', 'fr-C', 'fr-CA', 'de-de-de'].map(intlNamesLanguage);
	expect(checked).toEqual([false, true, false, false, true, false]);
	expect(made).not.toHaveBeenCalled();
});

test('names languages in each display locale, one Intl.DisplayNames for each', () => {
	expect(languageNamesIn('de').of('fr')).toBe('Französisch');
	expect(languageNamesIn('es').of('fr')).toBe('francés');
	expect(languageNamesIn('de')).toBe(languageNamesIn('de'));
	expect(languageNamesIn('fr-ca')).toBe(languageNamesIn('fr-CA'));
});
