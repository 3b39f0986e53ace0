import * as decoding from 'lib0/decoding';

/** Client ids one awareness message may name: a tab has one, a few tabs of one person a few. */
export const MAX_AWARENESS_IDS_PER_MESSAGE = 8;
/** Client ids one connection may hold awareness for, across its messages. */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 16;

/** One entry of an awareness update: whose state, and how big it is as sent. */
export interface AwarenessEntry {
	clientId: number;
	/** Bytes of the state's JSON text (UTF-8). */
	bytes: number;
	/** The entry removes the client's state (`null`). */
	cleared: boolean;
}

/**
 * The entries of an awareness update, after checking the whole message: y-protocols applies
 * entries one by one, so a bad entry halfway would leave the ones before it applied with no
 * owner. Throws on anything that is not a well-formed update within the limit.
 */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	if (count > MAX_AWARENESS_IDS_PER_MESSAGE) {
		throw new Error(`awareness names ${count} clients (at most ${MAX_AWARENESS_IDS_PER_MESSAGE})`);
	}
	const entries: AwarenessEntry[] = [];
	const text = new TextDecoder('utf-8', { fatal: true });
	for (let entry = 0; entry < count; entry++) {
		const clientId = decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		const json = decoding.readVarUint8Array(decoder);
		entries.push({
			clientId,
			bytes: json.byteLength,
			cleared: JSON.parse(text.decode(json)) === null
		});
	}
	if (decoding.hasContent(decoder)) throw new Error('awareness message has trailing bytes');
	return entries;
}

/** Sizes of states already measured, by identity: a state object is replaced, never changed. */
const measured = new WeakMap<object, number>();

/** Bytes of an awareness state as y-protocols sends it to others (its JSON text). */
export function stateBytes(state: unknown): number {
	if (typeof state === 'object' && state !== null) {
		const known = measured.get(state);
		if (known !== undefined) return known;
		const bytes = Buffer.byteLength(JSON.stringify(state));
		measured.set(state, bytes);
		return bytes;
	}
	return Buffer.byteLength(JSON.stringify(state) ?? 'null');
}

/**
 * The room's awareness bytes after `entries` were applied, given its `states` now: what a
 * newcomer would then receive first.
 */
export function awarenessBytesAfter(
	states: ReadonlyMap<number, unknown>,
	entries: readonly AwarenessEntry[]
): { before: number; after: number } {
	let before = 0;
	for (const state of states.values()) before += stateBytes(state);
	let after = before;
	for (const { clientId, bytes, cleared } of new Map(
		entries.map((e) => [e.clientId, e])
	).values()) {
		if (states.has(clientId)) after -= stateBytes(states.get(clientId));
		if (!cleared) after += bytes;
	}
	return { before, after };
}
