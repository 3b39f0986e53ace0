import type * as Y from 'yjs';
import { participantIdSchema } from '../protocol/ids';
import { COMMITMENTS_MAP, commitmentSchema, type Commitment } from '../protocol/room-content';
import { yReadable } from './y-readable.svelte';

/**
 * Everyone's commitments by participant id. An entry that does not parse, or whose key is not a
 * participant id, is left out.
 */
export function readCommitments(map: Y.Map<unknown>): Record<string, Commitment> {
	const commitments: Record<string, Commitment> = {};
	for (const [id, value] of map) {
		const parsed = commitmentSchema.safeParse(value);
		if (participantIdSchema.safeParse(id).success && parsed.success) commitments[id] = parsed.data;
	}
	return commitments;
}

/** Everyone's commitments in the room document (docs/document-schema.md). */
export class CommitmentsDoc {
	readonly #map: Y.Map<unknown>;

	constructor(doc: Y.Doc) {
		this.#map = doc.getMap(COMMITMENTS_MAP);
	}

	/** Everyone's commitments, kept current as anyone saves one; read it in a template or effect. */
	live(): { readonly current: Record<string, Commitment> } {
		return yReadable(this.#map, () => readCommitments(this.#map));
	}

	/**
	 * Saves this person's commitment over the one they had. Answers false and changes nothing when
	 * the id or the commitment does not parse.
	 */
	save(participantId: string, commitment: Commitment): boolean {
		const parsed = commitmentSchema.safeParse(commitment);
		if (!participantIdSchema.safeParse(participantId).success || !parsed.success) return false;
		this.#map.set(participantId, parsed.data);
		return true;
	}
}
