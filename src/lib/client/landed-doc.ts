import type * as Y from 'yjs';
import {
	LANDED_MAP,
	landedKey,
	landedPhraseSchema,
	PARAPHRASE_PARTS,
	PARAPHRASE_TAKES,
	paraphraseTextName,
	roundKey,
	type LandedPhrase,
	type ParaphraseTake
} from '../protocol/room-content';
import { phraseChoices, type LandedMarks } from '../room/landed';
import { perPart } from './per-part';
import { yReadable } from './y-readable.svelte';

/** The phrases that landed in `round` (protocol A17); a value that does not parse is left out. */
export function readLanded(map: Y.Map<unknown>, round: number): LandedMarks {
	const marks: LandedMarks = {};
	for (const take of PARAPHRASE_TAKES) {
		const parsed = landedPhraseSchema.safeParse(map.get(landedKey(round, take)));
		if (parsed.success) marks[take] = parsed.data;
	}
	return marks;
}

/**
 * The phrase that landed in the room document (docs/document-schema.md, `landed`): what the
 * speaker marked in each take of a round's paraphrase, and the sentences they may mark.
 */
export class LandedDoc {
	readonly #doc: Y.Doc;
	readonly #map: Y.Map<unknown>;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#map = doc.getMap(LANDED_MAP);
	}

	/** `round`'s marks, kept current as the speaker marks; read it in a template or effect. */
	live(round: number): { readonly current: LandedMarks } {
		return yReadable(this.#map, () => readLanded(this.#map, round));
	}

	/** The sentences of `round`'s paraphrase to pick from, kept current as the listener writes. */
	choices(round: number, locale: string): { readonly current: LandedPhrase[] } {
		const texts = perPart(PARAPHRASE_PARTS, (part) =>
			this.#doc.getText(paraphraseTextName(roundKey(round), part))
		);
		const all = Object.values(texts);
		return yReadable(
			{
				observeDeep: (listener) => all.forEach((text) => text.observeDeep(listener)),
				unobserveDeep: (listener) => all.forEach((text) => text.unobserveDeep(listener))
			},
			() =>
				phraseChoices(
					perPart(PARAPHRASE_PARTS, (part) => texts[part].toString()),
					locale
				)
		);
	}

	/**
	 * Marks `phrase` as the one that landed in `round`'s `take`, over any marked before. Answers
	 * false and changes nothing when it does not parse.
	 */
	mark(round: number, take: ParaphraseTake, phrase: LandedPhrase): boolean {
		const parsed = landedPhraseSchema.safeParse(phrase);
		if (!parsed.success) return false;
		this.#map.set(landedKey(round, take), parsed.data);
		return true;
	}

	/** Takes back the mark of `round`'s `take`. */
	unmark(round: number, take: ParaphraseTake): void {
		this.#map.delete(landedKey(round, take));
	}
}
