import * as decoding from 'lib0/decoding';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../http/json-depth';

/** Client ids one awareness message may set or clear: a tab has one, a few tabs of one person a few. */
export const MAX_AWARENESS_IDS_PER_MESSAGE = 8;
/** Client ids one connection may hold awareness for, across its messages. */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 16;

/** One entry of an awareness update: whose state, its clock, and its JSON text. */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	json: string;
	/** Bytes of the state's JSON text (UTF-8), or of the text it is encoded to again if longer. */
	bytes: number;
	/** The entry removes the client's state (`null`). */
	cleared: boolean;
	/** The state parsed from `json`, parsed once for the checks and for applying it. */
	state: unknown;
}

/** Refuses text that is not UTF-8 rather than replacing what it cannot read. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A number in exponent notation (or text that looks like one): the only JSON that
 * `JSON.stringify` writes longer than it came (`1e20` has 21 digits). No stock client sends one
 * below 1e21, so the state is stringified to be measured only then.
 */
const EXPONENT = /\d[eE]/;

/**
 * Bytes of a state's JSON as y-protocols encodes it again for the others (its
 * `JSON.stringify`), which is never longer than `json` as sent but for an exponent.
 */
const sentOnBytes = (json: string, sent: number, state: unknown): number =>
	EXPONENT.test(json) ? Math.max(sent, Buffer.byteLength(JSON.stringify(state))) : sent;

/**
 * The entries of an awareness update, after checking the whole message: y-protocols applies
 * entries one by one, so a bad entry halfway would leave the ones before it applied with no
 * owner. Throws on anything that is not a well-formed update within the limits (ids,
 * and {@link MAX_JSON_DEPTH} levels of nesting in each state).
 */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: AwarenessEntry[] = [];
	for (let entry = 0; entry < count; entry++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const raw = decoding.readVarUint8Array(decoder);
		const json = strictUtf8.decode(raw);
		// Parsing a deep state is fine, but JSON.stringify of it overflows the stack, and every
		// later awareness message for the room (a newcomer's first one too) stringifies it.
		if (nestsDeeperThan(json, MAX_JSON_DEPTH)) {
			throw new Error(`awareness state nests more than ${MAX_JSON_DEPTH} levels deep`);
		}
		const state: unknown = JSON.parse(json);
		const bytes = sentOnBytes(json, raw.byteLength, state);
		entries.push({ clientId, clock, json, bytes, cleared: state === null, state });
	}
	if (decoding.hasContent(decoder)) throw new Error('awareness message has trailing bytes');
	return entries;
}

/**
 * The entries of a connection's awareness update that are its to apply (rule Y1): those for
 * client ids it holds, or that nobody holds. The stock provider sends back every change it
 * hears, so the others' states it received, and removals of states already gone, come back
 * in its messages: they change nothing and are left out, as is any attempt to set or clear a
 * state another connection holds. The server's own id (`serverId`, the Awareness's
 * `clientID`) is the server's: a state set there would be its local state, which y-protocols
 * never lets a remote removal take and renews every 15 s.
 */
export function ownEntries(
	entries: readonly AwarenessEntry[],
	states: ReadonlyMap<number, unknown>,
	own: ReadonlySet<number>,
	serverId: number
): AwarenessEntry[] {
	return entries.filter(
		({ clientId, cleared }) =>
			clientId !== serverId && (states.has(clientId) ? own.has(clientId) : !cleared)
	);
}

/** Sizes of states already measured, by identity: a state object is replaced, never changed. */
const measured = new WeakMap<object, number>();

/**
 * Remembers the size of a state just applied from a message, as it was sent, so that it is not
 * encoded again to be measured.
 */
export function measuredAs(state: unknown, bytes: number): void {
	if (typeof state === 'object' && state !== null) measured.set(state, bytes);
}

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
	entries: readonly Pick<AwarenessEntry, 'clientId' | 'bytes' | 'cleared'>[]
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
