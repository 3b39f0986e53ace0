import type * as Y from 'yjs';
import {
	CLIPS_MAP,
	clipRefSchema,
	clipSlotKey,
	type ClipPurpose,
	type ClipRef
} from '../protocol/clips';
import { clipReferenced } from './clip-references';
import { yReadable } from './y-readable.svelte';

/**
 * The clips left for one purpose and round, by participant id. An entry that does not parse,
 * or whose key is not the slot of the person it names, is left out: nobody can put a clip in
 * someone else's name without it showing under their own.
 */
export function readClips(
	map: Y.Map<unknown>,
	purpose: ClipPurpose,
	round: number
): Record<string, ClipRef> {
	const clips: Record<string, ClipRef> = {};
	for (const [key, value] of map) {
		const parsed = clipRefSchema.safeParse(value);
		if (!parsed.success) continue;
		if (key === clipSlotKey(purpose, round, parsed.data.participantId)) {
			clips[parsed.data.participantId] = parsed.data;
		}
	}
	return clips;
}

/** The voice clips of the room document (docs/document-schema.md, `clips`). */
export class ClipsDoc {
	readonly #doc: Y.Doc;
	readonly #map: Y.Map<unknown>;

	constructor(doc: Y.Doc) {
		this.#doc = doc;
		this.#map = doc.getMap(CLIPS_MAP);
	}

	/** The clips of one purpose and round, kept current; read it in a template or effect. */
	live(purpose: ClipPurpose, round: number): { readonly current: Record<string, ClipRef> } {
		return yReadable(this.#map, () => readClips(this.#map, purpose, round));
	}

	/**
	 * Puts `ref` in its person's slot, over the take there before; answers the take it replaced
	 * (for its clip to be deleted) unless another slot or a script line still uses that clip (a
	 * crafted entry can name any clip), or false when `ref` does not parse and nothing changed.
	 */
	save(purpose: ClipPurpose, round: number, ref: ClipRef): { replaced?: ClipRef } | false {
		const parsed = clipRefSchema.safeParse(ref);
		if (!parsed.success) return false;
		const key = clipSlotKey(purpose, round, parsed.data.participantId);
		const before = clipRefSchema.safeParse(this.#map.get(key));
		this.#map.set(key, parsed.data);
		return before.success &&
			before.data.clipId !== parsed.data.clipId &&
			!clipReferenced(this.#doc, before.data.clipId)
			? { replaced: before.data }
			: {};
	}

	/**
	 * Takes this person's clip out of its slot; answers the clip to delete on the server, unless
	 * another slot or a script line still uses it (as `save`).
	 */
	remove(purpose: ClipPurpose, round: number, participantId: string): ClipRef | undefined {
		const key = clipSlotKey(purpose, round, participantId);
		const before = clipRefSchema.safeParse(this.#map.get(key));
		this.#map.delete(key);
		return before.success && !clipReferenced(this.#doc, before.data.clipId)
			? before.data
			: undefined;
	}
}
