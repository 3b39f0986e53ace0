import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import type { ParaphrasePart } from '../protocol/room-content';

/** The values of the felt-understanding scale, lowest first. */
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

const RATING_WORDS = [
	m.tools_rating_1,
	m.tools_rating_2,
	m.tools_rating_3,
	m.tools_rating_4,
	m.tools_rating_5
];

/** What a point of the felt-understanding scale means, in `locale`; empty off the scale. */
export function ratingLabel(value: number, locale: Locale = getLocale()): string {
	return RATING_WORDS[value - 1]?.({}, { locale }) ?? '';
}

const PARAPHRASE_WORDS = {
	feelings: m.tools_paraphrase_feelings,
	motives: m.tools_paraphrase_motives,
	needs: m.tools_paraphrase_needs
} satisfies Record<ParaphrasePart, unknown>;

/** The name of a part of a paraphrase, in `locale`. */
export function paraphraseLabel(part: ParaphrasePart, locale: Locale = getLocale()): string {
	return PARAPHRASE_WORDS[part]({}, { locale });
}

/** Names as a list in running text: "Ana, Ben and Cy", "Ana, Ben und Cy", "Ana, Ben y Cy". */
export function listOf(items: readonly string[], locale: Locale = getLocale()): string {
	return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
