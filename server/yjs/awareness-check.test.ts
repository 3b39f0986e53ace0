import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import {
	awarenessBytesAfter,
	awarenessEntries,
	MAX_AWARENESS_IDS_PER_MESSAGE,
	stateBytes
} from './awareness-check';

function update(entries: [number, number, string][], extra?: (e: encoding.Encoder) => void) {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [id, clock, state] of entries) {
		encoding.writeVarUint(encoder, id);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, state);
	}
	extra?.(encoder);
	return encoding.toUint8Array(encoder);
}

describe('awareness messages are checked whole before any of it applies', () => {
	test('a well-formed message answers its entries: client id, bytes, and whether it clears', () => {
		expect(
			awarenessEntries(
				update([
					[7, 1, '{"name":"Zoë"}'],
					[8, 2, 'null']
				])
			)
		).toEqual([
			{ clientId: 7, bytes: 15, cleared: false },
			{ clientId: 8, bytes: 4, cleared: true }
		]);
	});

	test('a bad entry after good ones refuses the whole message', () => {
		expect(() =>
			awarenessEntries(
				update([
					[7, 1, '{}'],
					[8, 2, '{not json']
				])
			)
		).toThrow();
	});

	test('too many clients, truncation and trailing bytes are refused', () => {
		const many = Array.from(
			{ length: MAX_AWARENESS_IDS_PER_MESSAGE + 1 },
			(_, n): [number, number, string] => [n, 1, '{}']
		);
		expect(() => awarenessEntries(update(many))).toThrow(/at most/);
		expect(() => awarenessEntries(update([[7, 1, '{}']]).slice(0, -1))).toThrow();
		expect(() =>
			awarenessEntries(update([[7, 1, '{}']], (e) => encoding.writeVarUint(e, 1)))
		).toThrow(/trailing/);
	});
});

describe('the size of a room’s awareness (rule L8)', () => {
	test('a state measures as the JSON others receive, and is measured once', () => {
		const state = { user: { name: 'Zoë' } };
		expect(stateBytes(state)).toBe(Buffer.byteLength(JSON.stringify(state)));
		expect(stateBytes(state)).toBe(24);
		expect(stateBytes(null)).toBe(4);
	});

	test('after an update: new states add, replaced ones count once, cleared ones leave', () => {
		const states = new Map<number, unknown>([
			[1, { a: 'x'.repeat(100) }],
			[2, { b: 1 }]
		]);
		const before = stateBytes(states.get(1)) + stateBytes(states.get(2));
		expect(
			awarenessBytesAfter(states, [
				{ clientId: 1, bytes: 10, cleared: false },
				{ clientId: 2, bytes: 4, cleared: true },
				{ clientId: 3, bytes: 50, cleared: false }
			])
		).toEqual({ before, after: 10 + 50 });
	});
});
