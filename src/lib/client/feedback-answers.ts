import type * as Y from 'yjs';
import { CLIPS_MAP } from '../protocol/clips';
import {
	FEEDBACK_MATCH_MAP,
	feedbackMatchSchema,
	heardTextName,
	roundKey,
	type FeedbackMatch
} from '../protocol/room-content';
import type { FeedbackAnswer } from '../room/summary-turns';
import { readClips } from './clips-doc';
import { yReadable } from './y-readable.svelte';

/** The round's rating of the match, if one parses (protocol A21). */
export function readMatch(map: Y.Map<unknown>, round: number): FeedbackMatch | undefined {
	const parsed = feedbackMatchSchema.safeParse(map.get(roundKey(round)));
	return parsed.success ? parsed.data : undefined;
}

/** Rounds 1 to `rounds`' answers, as a plain snapshot (the summary's, A22). */
export function readFeedbackAnswers(doc: Y.Doc, rounds: number): FeedbackAnswer[] {
	const map = doc.getMap<unknown>(FEEDBACK_MATCH_MAP);
	const clips = doc.getMap<unknown>(CLIPS_MAP);
	return Array.from({ length: rounds }, (_, index) => ({
		round: index + 1,
		heard: doc
			.getText(heardTextName(roundKey(index + 1)))
			.toString()
			.trim(),
		voiced: Object.keys(readClips(clips, 'heard', index + 1)).length > 0,
		match: readMatch(map, index + 1)
	}));
}

/**
 * What receivers heard of the feedback and how givers rated the match, in the room document
 * (docs/document-schema.md, `heard:<round>` and `feedback-match`; protocol A20, A21).
 */
export class FeedbackAnswersDoc {
	readonly #doc: Y.Doc;
	readonly #map: Y.Map<unknown>;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#map = doc.getMap(FEEDBACK_MATCH_MAP);
	}

	/** The round's answer as the receiver writes it, for a field to bind. */
	heard(round: number): Y.Text {
		return this.#doc.getText(heardTextName(roundKey(round)));
	}

	/** Rounds 1 to `rounds`' answers, kept current; read it in a template or effect. */
	live(rounds: number): { readonly current: FeedbackAnswer[] } {
		const texts = Array.from({ length: rounds }, (_, index) => this.heard(index + 1));
		// A clip of what was heard is an answer too (A20), so the clips are followed as well.
		const types = [this.#map, this.#doc.getMap(CLIPS_MAP), ...texts];
		return yReadable(
			{
				observeDeep: (listener) => types.forEach((type) => type.observeDeep(listener)),
				unobserveDeep: (listener) => types.forEach((type) => type.unobserveDeep(listener))
			},
			() => readFeedbackAnswers(this.#doc, rounds)
		);
	}

	/**
	 * Saves the giver's rating of the round's match over any before it; answers the rating as
	 * saved (trimmed), or undefined with nothing changed when it does not parse.
	 */
	rate(round: number, match: FeedbackMatch): FeedbackMatch | undefined {
		const parsed = feedbackMatchSchema.safeParse(match);
		if (!parsed.success) return undefined;
		this.#map.set(roundKey(round), parsed.data);
		return parsed.data;
	}
}
