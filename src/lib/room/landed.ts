import {
	landedPhraseSchema,
	PARAPHRASE_PARTS,
	PARAPHRASE_TAKES,
	type LandedPhrase,
	type ParaphrasePart,
	type ParaphraseTake
} from '../protocol/room-content';

/** A round's phrases that landed, by the paraphrase's take they were marked in. */
export type LandedMarks = Partial<Record<ParaphraseTake, LandedPhrase>>;

/**
 * What the speaker may mark as the phrase that landed (protocol A17): each sentence the listener
 * wrote, part by part in the paraphrase's order, as the reader's language splits sentences. A
 * sentence said twice in one part is offered once.
 */
export function phraseChoices(
	paraphrase: Record<ParaphrasePart, string>,
	locale: string
): LandedPhrase[] {
	const sentences = new Intl.Segmenter(locale, { granularity: 'sentence' });
	return PARAPHRASE_PARTS.flatMap((part) => {
		const texts = [...sentences.segment(paraphrase[part])].map(({ segment }) => segment);
		return [...new Set(texts.map((text) => text.trim()))].flatMap((text) => {
			const parsed = landedPhraseSchema.safeParse({ part, text });
			return parsed.success ? [parsed.data] : [];
		});
	});
}

/**
 * The takes a round's marks may be in when its latest take is `latest`: a second take's mark in a
 * round without one was not the speaker's (anyone may write the document), so readers skip it.
 */
export const takesUpTo = (latest: ParaphraseTake): ParaphraseTake[] =>
	PARAPHRASE_TAKES.filter((take) => take <= latest);

/** Whether two marks are the same phrase from the same part. */
export const samePhrase = (a: LandedPhrase | undefined, b: LandedPhrase | undefined): boolean =>
	a !== undefined && b !== undefined && a.part === b.part && a.text === b.text;

/** A mark as a screen says it: alone, or as the first or second take's once there are two. */
export interface ShownMark {
	take: ParaphraseTake;
	text: string;
	/** `only` in a round with one take; otherwise which take it was marked in. */
	said: 'only' | 'first' | 'second';
}

/**
 * The marks a screen shows beside the paraphrase (A17): all of them, except that the speaker,
 * while picking the phrase of take `latest`, sees that mark as their choice rather than as text.
 */
export function shownMarks(
	marks: LandedMarks,
	latest: ParaphraseTake,
	picking: boolean
): ShownMark[] {
	return takesUpTo(latest).flatMap((take) => {
		const phrase = marks[take];
		if (!phrase || (picking && take === latest)) return [];
		const said = latest === 1 ? 'only' : take === 1 ? 'first' : 'second';
		return [{ take, text: phrase.text, said }];
	});
}
