import type * as Y from 'yjs';
import { OBSERVATIONS_ARRAY, observationSchema, type Observation } from '../protocol/room-content';
import { readObservations } from './room-content';
import { yReadable } from './y-readable.svelte';

/**
 * Shares an observer's note with the room: appends it, stamped `at` (server time, so notes from
 * different browsers order alike; the server clock has fractions of a millisecond, which are
 * rounded away), to the room's observations. Answers false and changes nothing when the note does
 * not parse, as for an empty notepad.
 */
export function shareObservation(
	doc: Y.Doc,
	note: Pick<Observation, 'participantId' | 'name' | 'text'>,
	at: number
): boolean {
	const parsed = observationSchema.safeParse({ ...note, at: Math.round(at) });
	if (!parsed.success) return false;
	doc.getArray<unknown>(OBSERVATIONS_ARRAY).push([parsed.data]);
	return true;
}

/** The observations people shared, in the room document (docs/document-schema.md). */
export class ObservationsDoc {
	readonly #array: Y.Array<unknown>;

	constructor(readonly doc: Y.Doc) {
		this.#array = doc.getArray(OBSERVATIONS_ARRAY);
	}

	/** The shared observations in order, kept current; read it in a template or effect. */
	live(): { readonly current: Observation[] } {
		return yReadable(this.#array, () => readObservations(this.#array));
	}

	/** Shares a note at server time `at`; see {@link shareObservation}. */
	share(note: Pick<Observation, 'participantId' | 'name' | 'text'>, at: number): boolean {
		return shareObservation(this.doc, note, at);
	}
}
