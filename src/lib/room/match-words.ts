import { m } from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import type { FeedbackMatch } from '../protocol/room-content';

const MATCH_WORDS = [
	m.feedback_turns_match_1,
	m.feedback_turns_match_2,
	m.feedback_turns_match_3,
	m.feedback_turns_match_4,
	m.feedback_turns_match_5
];

/** What a point of the match scale means, in `locale` (protocol A21); empty off the scale. */
export function matchLabel(value: number, locale: Locale = getLocale()): string {
	return MATCH_WORDS[value - 1]?.({}, { locale }) ?? '';
}

/** The giver's rating of the match as a sentence: "Matched 4 of 5 (mostly): “close”". */
export function matchSentence(
	{ value, word }: Pick<FeedbackMatch, 'value' | 'word'>,
	locale: Locale = getLocale()
): string {
	const label = matchLabel(value, locale);
	return word === ''
		? m.feedback_turns_match_result({ value, label }, { locale })
		: m.feedback_turns_match_result_word({ value, label, word }, { locale });
}
