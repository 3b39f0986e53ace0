import type * as Y from 'yjs';
import { OBSERVATIONS_ARRAY, observationSchema, type Observation } from '../protocol/room-content';

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
