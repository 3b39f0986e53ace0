import * as decoding from 'lib0/decoding';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../http/json-depth';

/** Client ids one awareness message may name: a tab has one, a few tabs of one person a few. */
export const MAX_AWARENESS_IDS_PER_MESSAGE = 8;
/** Client ids one connection may hold awareness for, across its messages. */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 16;

/**
 * The client ids an awareness update names, after checking the whole message: y-protocols
 * applies entries one by one, so a bad entry halfway would leave the ones before it applied
 * with no owner. Throws on anything that is not a well-formed update within the limits (ids,
 * and {@link MAX_JSON_DEPTH} levels of nesting in each state).
 */
export function awarenessClientIds(update: Uint8Array): number[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	if (count > MAX_AWARENESS_IDS_PER_MESSAGE) {
		throw new Error(`awareness names ${count} clients (at most ${MAX_AWARENESS_IDS_PER_MESSAGE})`);
	}
	const ids: number[] = [];
	for (let entry = 0; entry < count; entry++) {
		ids.push(decoding.readVarUint(decoder));
		decoding.readVarUint(decoder);
		const state = decoding.readVarString(decoder);
		// Parsing a deep state is fine, but JSON.stringify of it overflows the stack, and every
		// later awareness message for the room (a newcomer's first one too) stringifies it.
		if (nestsDeeperThan(state, MAX_JSON_DEPTH)) {
			throw new Error(`awareness state nests more than ${MAX_JSON_DEPTH} levels deep`);
		}
		JSON.parse(state);
	}
	if (decoding.hasContent(decoder)) throw new Error('awareness message has trailing bytes');
	return ids;
}
