import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import {
	awarenessBytesAfter,
	awarenessEntries,
	MAX_AWARENESS_IDS_PER_MESSAGE,
	measuredAs,
	ownEntries,
	stateBytes
} from './awareness-check';
import { MAX_JSON_DEPTH } from '../http/json-depth';
import { awarenessUpdate as update } from '../../tests/support/awareness-update';

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
			{
				clientId: 7,
				clock: 1,
				json: '{"name":"Zoë"}',
				bytes: 15,
				cleared: false,
				state: { name: 'Zoë' }
			},
			{ clientId: 8, clock: 2, json: 'null', bytes: 4, cleared: true, state: null }
		]);
	});

	test('a number in exponent notation counts as long as the state is encoded again, not as sent', () => {
		// 4 bytes as sent, 21 in every message that encodes the state again (a newcomer's first):
		// counted as sent, 4 KiB of them passed L8 as 17 KiB.
		const [big, small] = awarenessEntries(
			update([
				[7, 1, '{"n":[1e20,1e-6]}'],
				[8, 1, '{"n":"1e20"}']
			])
		);
		expect(big!.bytes).toBe(Buffer.byteLength(JSON.stringify({ n: [1e20, 1e-6] })));
		expect(big!.bytes).toBeGreaterThan('{"n":[1e20,1e-6]}'.length);
		expect(small!.bytes).toBe(12);
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

	test('truncation and trailing bytes are refused', () => {
		expect(() => awarenessEntries(update([[7, 1, '{}']]).slice(0, -1))).toThrow();
		expect(() =>
			awarenessEntries(update([[7, 1, '{}']], (e) => encoding.writeVarUint(e, 1)))
		).toThrow(/trailing/);
	});

	test('a state nested deeper than the JSON limit is refused; one at the limit passes', () => {
		const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
		expect(() => awarenessEntries(update([[7, 1, nested(20_000)]]))).toThrow(/levels deep/);
		expect(() => awarenessEntries(update([[7, 1, nested(MAX_JSON_DEPTH + 1)]]))).toThrow();
		expect(
			awarenessEntries(update([[7, 1, nested(MAX_JSON_DEPTH)]])).map((entry) => entry.clientId)
		).toEqual([7]);
	});

	test('entries read back what y-protocols encodes: client ids, clocks and JSON text', () => {
		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState({ cursor: 1 });
		const { clientID } = awareness;
		const message = encodeAwarenessUpdate(awareness, [clientID]);
		// The tests' encoder writes the same bytes, so the updates they send are y-protocols' own.
		expect(update([[clientID, 1, '{"cursor":1}']])).toEqual(message);
		expect(
			awarenessEntries(message).map(({ clientId, clock, json }) => [clientId, clock, json])
		).toEqual([[clientID, 1, '{"cursor":1}']]);
	});
});

describe('a connection sets and clears only the awareness states it holds (rule Y1)', () => {
	const entry = (clientId: number, cleared = false) => ({
		clientId,
		clock: 3,
		json: cleared ? 'null' : '{}',
		bytes: cleared ? 4 : 2,
		cleared,
		state: cleared ? null : {}
	});
	const states = new Map<number, unknown>([
		[1, { mine: true }],
		[2, { theirs: true }]
	]);
	/** The server's own awareness id: it holds no state there (setLocalState(null)). */
	const SERVER = 99;

	test('its own and new states are its to set; another connection’s are left out', () => {
		expect(ownEntries([entry(1), entry(2), entry(3)], states, new Set([1]), SERVER)).toEqual([
			entry(1),
			entry(3)
		]);
	});

	test('it clears its own states; clearing another’s, or a state already gone, is left out', () => {
		expect(
			ownEntries([entry(1, true), entry(2, true), entry(9, true)], states, new Set([1]), SERVER)
		).toEqual([entry(1, true)]);
	});

	test('the limit on ids counts what it sets, not the others’ states a stock provider echoes', () => {
		const room = new Map<number, unknown>(
			Array.from({ length: MAX_AWARENESS_IDS_PER_MESSAGE + 4 }, (_, n) => [100 + n, {}])
		);
		expect(
			ownEntries(
				[...room.keys()].map((id) => entry(id)),
				room,
				new Set(),
				SERVER
			)
		).toEqual([]);
	});

	test('the server’s own awareness id is never a connection’s, though the server holds no state there', () => {
		// Set there, a state is the Awareness's local state: a later null from the client only
		// moves its clock on (y-protocols keeps a local state), the server renews it every 15 s
		// and no connection holds it any more, so it stays in the room for everyone. The id is
		// only hard to guess (control is written under other ids), not kept secret.
		expect(ownEntries([entry(SERVER), entry(3)], states, new Set(), SERVER)).toEqual([entry(3)]);
		expect(ownEntries([entry(SERVER, true)], states, new Set([SERVER]), SERVER)).toEqual([]);
	});
});

describe('the size of a room’s awareness (rule L8)', () => {
	test('a state measures as the JSON others receive, and is measured once', () => {
		const state = { user: { name: 'Zoë' } };
		expect(stateBytes(state)).toBe(Buffer.byteLength(JSON.stringify(state)));
		expect(stateBytes(state)).toBe(24);
		expect(stateBytes(null)).toBe(4);
		// A state applied from a message is measured as it was sent.
		const sent = { user: { name: 'Zoë' } };
		measuredAs(sent, 30);
		expect(stateBytes(sent)).toBe(30);
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
