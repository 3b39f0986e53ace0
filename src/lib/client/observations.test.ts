import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { MAX_OBSERVATION_CHARACTERS, OBSERVATIONS_ARRAY } from '../protocol/room-content';
import { shareObservation } from './observations';
import { readObservations } from './room-content';

const T0 = Date.UTC(2026, 10, 22, 9, 0);
const cy = { participantId: 'cy-00003', name: 'Cy' };
const shared = (doc: Y.Doc) => readObservations(doc.getArray(OBSERVATIONS_ARRAY));

describe('shareObservation', () => {
	test('appends the note, trimmed, with the time given, after what was shared before', () => {
		const doc = new Y.Doc();
		expect(shareObservation(doc, { ...cy, text: 'Ben paused first.' }, T0)).toBe(true);
		expect(shareObservation(doc, { ...cy, text: '  Ana smiled.\n' }, T0 + 5_000)).toBe(true);
		expect(shared(doc)).toEqual([
			{ ...cy, text: 'Ben paused first.', at: T0 },
			{ ...cy, text: 'Ana smiled.', at: T0 + 5_000 }
		]);
	});

	test('server time, with its fractions of a millisecond, is stored in whole milliseconds', () => {
		const doc = new Y.Doc();
		expect(shareObservation(doc, { ...cy, text: 'Ben paused first.' }, T0 + 0.7)).toBe(true);
		expect(shared(doc)[0]?.at).toBe(T0 + 1);
	});

	test('reaches another copy of the room document', () => {
		const doc = new Y.Doc();
		shareObservation(doc, { ...cy, text: 'Ben paused first.' }, T0);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		expect(shared(other)).toEqual([{ ...cy, text: 'Ben paused first.', at: T0 }]);
	});

	test('an empty or overlong note is refused and nothing is shared', () => {
		const doc = new Y.Doc();
		expect(shareObservation(doc, { ...cy, text: ' \n ' }, T0)).toBe(false);
		const overlong = 'x'.repeat(MAX_OBSERVATION_CHARACTERS + 1);
		expect(shareObservation(doc, { ...cy, text: overlong }, T0)).toBe(false);
		expect(doc.getArray(OBSERVATIONS_ARRAY).length).toBe(0);
	});
});
