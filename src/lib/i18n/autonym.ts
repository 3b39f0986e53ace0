/** A language's name in that language ("Deutsch", "Español"), as a switcher lists it. */
export const autonym = (locale: string): string => {
	const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
	return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
};
