/** A counted word in its two English forms: "1 session", "2 sessions". */
export interface Noun {
	one: string;
	other: string;
}

const english = new Intl.PluralRules('en');

/** A noun whose plural adds an s unless told otherwise. */
export const noun = (one: string, other = `${one}s`): Noun => ({ one, other });

/** The form of `word` that goes with `count`, by the language's plural rules. */
export const wordFor = (count: number, word: Noun): string =>
	english.select(count) === 'one' ? word.one : word.other;

/** `count` and the word that goes with it: "1 session", "0 sessions", "3 paraphrases". */
export const countOf = (count: number, word: Noun): string => `${count} ${wordFor(count, word)}`;
