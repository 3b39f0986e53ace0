import {
	landedPhraseSchema,
	PARAPHRASE_PARTS,
	type LandedPhrase,
	type ParaphrasePart
} from '../protocol/room-content';

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

/** Whether two marks are the same phrase from the same part. */
export const samePhrase = (a: LandedPhrase | undefined, b: LandedPhrase | undefined): boolean =>
	a !== undefined && b !== undefined && a.part === b.part && a.text === b.text;
