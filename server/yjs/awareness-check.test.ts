import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import { MAX_JSON_DEPTH } from '../http/json-depth';
import { awarenessClientIds, MAX_AWARENESS_IDS_PER_MESSAGE } from './awareness-check';

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
	test('a well-formed message answers its client ids', () => {
		expect(
			awarenessClientIds(
				update([
					[7, 1, '{"cursor":1}'],
					[8, 2, 'null']
				])
			)
		).toEqual([7, 8]);
	});

	test('a bad entry after good ones refuses the whole message', () => {
		expect(() =>
			awarenessClientIds(
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
		expect(() => awarenessClientIds(update(many))).toThrow(/at most/);
		expect(() => awarenessClientIds(update([[7, 1, '{}']]).slice(0, -1))).toThrow();
		expect(() =>
			awarenessClientIds(update([[7, 1, '{}']], (e) => encoding.writeVarUint(e, 1)))
		).toThrow(/trailing/);
	});

	test('a state nested deeper than the JSON limit is refused; one at the limit passes', () => {
		const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
		expect(() => awarenessClientIds(update([[7, 1, nested(20_000)]]))).toThrow(/levels deep/);
		expect(() => awarenessClientIds(update([[7, 1, nested(MAX_JSON_DEPTH + 1)]]))).toThrow();
		expect(awarenessClientIds(update([[7, 1, nested(MAX_JSON_DEPTH)]]))).toEqual([7]);
	});
});
