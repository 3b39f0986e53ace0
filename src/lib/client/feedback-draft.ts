import type * as Y from 'yjs';
import { FEEDBACK_PARTS, feedbackTextName, type FeedbackPart } from '../protocol/room-content';
import { feedbackMessage } from '../room/feedback';
import { perPart } from './per-part';
import { yReadable } from './y-readable.svelte';

/**
 * One round's feedback as everyone drafts it: the parts, each a shared text, and the message they
 * make, as it would be said, kept current as anyone types.
 */
export class FeedbackDraft {
	readonly texts: Readonly<Record<FeedbackPart, Y.Text>>;
	readonly #message: { readonly current: string };

	constructor(doc: Y.Doc, key: string) {
		const texts = perPart(FEEDBACK_PARTS, (part) => doc.getText(feedbackTextName(key, part)));
		this.texts = texts;
		const all = Object.values(texts);
		this.#message = yReadable(
			{
				observeDeep: (listener) => all.forEach((text) => text.observeDeep(listener)),
				unobserveDeep: (listener) => all.forEach((text) => text.unobserveDeep(listener))
			},
			() => feedbackMessage(perPart(FEEDBACK_PARTS, (part) => texts[part].toString()))
		);
	}

	/** The whole message as it would be said; reactive in templates and effects. */
	get message(): string {
		return this.#message.current;
	}
}
