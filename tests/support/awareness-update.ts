import * as encoding from 'lib0/encoding';

/**
 * An awareness update as y-protocols encodes one, of entries [client id, clock, state as JSON
 * text] written as given (spacing, exponents, text no stock client sends), then `extra`.
 */
export function awarenessUpdate(
	entries: readonly (readonly [clientId: number, clock: number, json: string])[],
	extra?: (encoder: encoding.Encoder) => void
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [clientId, clock, json] of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	extra?.(encoder);
	return encoding.toUint8Array(encoder);
}
