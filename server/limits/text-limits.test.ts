import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import {
	MAX_JSON_VALUE_CHARACTERS,
	MAX_NOTES_CHARACTERS,
	MAX_TEXT_FIELD_CHARACTERS,
	OBSERVATIONS_ARRAY,
	feedbackTextName,
	paraphraseTextName,
	scriptLinesName
} from '../../src/lib/protocol/room-content';
import { readClientUpdate } from '../yjs/client-update';
import { writeUpdate } from '../yjs/update-writer';
import { textBreach, valueCharacters } from './text-limits';

const FEELINGS = paraphraseTextName('round-1', 'feelings');
const ASK = feedbackTextName('round-1', 'ask');

/** A server document and a client that has synced with it. */
function setup(serverWrites: (doc: Y.Doc) => void = () => {}) {
	const server = new Y.Doc();
	serverWrites(server);
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	/** The client's changes as its sync step 2 sends them. */
	const diff = () => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
	/** Checks the client's changes against the server's document. */
	const check = (update = diff()) => textBreach(readClientUpdate(update, server), server);
	return { server, client, diff, check };
}

/** The changes `edit` makes to `doc`, as one update. */
function changesOf(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	return Y.encodeStateAsUpdate(doc, before);
}

const letters = (n: number) => 'a'.repeat(n);

describe('text length per field (protocol L4)', () => {
	test('a text up to its limit passes, one character more is refused', () => {
		const { client, check } = setup();
		client.getText(FEELINGS).insert(0, letters(MAX_TEXT_FIELD_CHARACTERS));
		client.getText(NOTES_TEXT).insert(0, letters(MAX_NOTES_CHARACTERS));
		expect(check()).toBeUndefined();
		client.getText(FEELINGS).insert(0, 'b');
		expect(check()).toEqual({
			kind: 'text',
			length: MAX_TEXT_FIELD_CHARACTERS + 1,
			limit: MAX_TEXT_FIELD_CHARACTERS
		});
	});

	test('the notes have their own, longer limit', () => {
		const { client, check } = setup();
		client.getText(NOTES_TEXT).insert(0, letters(MAX_TEXT_FIELD_CHARACTERS + 1));
		expect(check()).toBeUndefined();
		client.getText(NOTES_TEXT).insert(0, letters(MAX_NOTES_CHARACTERS));
		expect(check()).toMatchObject({ kind: 'text', limit: MAX_NOTES_CHARACTERS });
	});

	test('text typed after what the server has counts with it', () => {
		const { client, check } = setup((doc) => doc.getText(ASK).insert(0, letters(1500)));
		// Inserted after existing text: the update names only its origin, not the field.
		client.getText(ASK).insert(1500, letters(501));
		expect(check()).toMatchObject({ kind: 'text', length: 2001 });
	});

	test('replacing a long text with another is not refused: the deleted part is subtracted', () => {
		const long = letters(MAX_TEXT_FIELD_CHARACTERS - 100);
		const { client, check } = setup((doc) => doc.getText(ASK).insert(0, long));
		client.transact(() => {
			client.getText(ASK).delete(0, long.length);
			client.getText(ASK).insert(0, long);
		});
		expect(check()).toBeUndefined();
	});

	test('text the same update inserts and deletes again does not count', () => {
		const { client, check } = setup();
		const inserted = changesOf(client, () => client.getText(ASK).insert(0, letters(3000)));
		const kept = changesOf(client, () => client.getText(ASK).delete(0, 2000));
		const tooMuch = changesOf(client, () => client.getText(ASK).insert(0, letters(1001)));
		// Merged, as a store or an offline client merges them, the inserted strings stay whole.
		expect(check(Y.mergeUpdates([inserted, kept]))).toBeUndefined();
		expect(check(Y.mergeUpdates([inserted, kept, tooMuch]))).toMatchObject({ length: 2001 });
	});

	test('a delete set that repeats itself does not hide text', () => {
		const { client, check } = setup();
		const inserted = changesOf(client, () => client.getText(ASK).insert(0, letters(3001)));
		const { structs } = Y.decodeUpdate(inserted);
		const range = { clock: 0, len: 1000 };
		// Summed naively, three copies of one range would delete 3000 of the 3001 characters.
		const repeated = writeUpdate(structs, new Map([[client.clientID, [range, range, range]]]));
		expect(check(repeated)).toMatchObject({ kind: 'text', length: 2001 });
	});

	test('text chained through several items of one update counts in full', () => {
		const { client, check } = setup();
		const first = changesOf(client, () => client.getText(ASK).insert(0, letters(1500)));
		const other = new Y.Doc();
		Y.applyUpdate(other, first);
		// Another client continues the text: its item's origin is in the same merged update.
		const second = changesOf(other, () => other.getText(ASK).insert(1500, letters(600)));
		expect(check(Y.mergeUpdates([second, first]))).toMatchObject({ kind: 'text', length: 2100 });
	});

	test('a text nested in a map has the field limit', () => {
		const { client, check } = setup();
		const nested = new Y.Text(letters(MAX_TEXT_FIELD_CHARACTERS + 1));
		client.getMap('anything').set('text', nested);
		expect(check()).toMatchObject({ kind: 'text', limit: MAX_TEXT_FIELD_CHARACTERS });
	});

	test('text whose field cannot be told yet counts against the field limit', () => {
		const { check } = setup();
		// A third client's text that the server has not seen: the new text goes after it.
		const third = new Y.Doc();
		third.getText(NOTES_TEXT).insert(0, 'x');
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(third));
		const short = changesOf(other, () => other.getText(NOTES_TEXT).insert(1, letters(100)));
		const long = changesOf(other, () =>
			other.getText(NOTES_TEXT).insert(101, letters(MAX_TEXT_FIELD_CHARACTERS))
		);
		expect(check(short)).toBeUndefined();
		expect(check(Y.mergeUpdates([short, long]))).toMatchObject({
			length: MAX_TEXT_FIELD_CHARACTERS + 100,
			limit: MAX_TEXT_FIELD_CHARACTERS
		});
	});

	test('text waiting for missing structs cannot pile up past the field limit', () => {
		const { server, check } = setup();
		const third = new Y.Doc();
		third.getText(NOTES_TEXT).insert(0, 'x');
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(third));
		const first = changesOf(other, () => other.getText(NOTES_TEXT).insert(1, letters(1500)));
		expect(check(first)).toBeUndefined();
		Y.applyUpdate(server, first);
		expect(server.store.pendingStructs).not.toBeNull();
		// The next one follows the waiting text, which the server cannot place either.
		const second = changesOf(other, () => other.getText(NOTES_TEXT).insert(1501, letters(600)));
		expect(check(second)).toMatchObject({ length: 2100, limit: MAX_TEXT_FIELD_CHARACTERS });
	});

	test('an update that only shortens a text already over its limit passes', () => {
		const { client, check } = setup((doc) => doc.getText(ASK).insert(0, letters(5000)));
		client.getText(ASK).delete(0, 100);
		expect(check()).toBeUndefined();
	});
});

describe('plain JSON values (protocol L4)', () => {
	test('an observation of the longest valid length passes; a value over the limit is refused', () => {
		const { client, check } = setup();
		const observation = {
			participantId: 'participant-1',
			name: 'Ana',
			text: letters(2000),
			at: 1
		};
		client.getArray(OBSERVATIONS_ARRAY).push([observation]);
		expect(check()).toBeUndefined();
		client.getArray(OBSERVATIONS_ARRAY).push([{ ...observation, text: letters(4000) }]);
		expect(check()).toMatchObject({ kind: 'value', limit: MAX_JSON_VALUE_CHARACTERS });
	});

	test('a field of a script line is a value of its own', () => {
		const { client, check } = setup();
		const line = new Y.Map<unknown>([['text', letters(MAX_JSON_VALUE_CHARACTERS + 1)]]);
		client.getArray(scriptLinesName('round-1')).push([line]);
		expect(check()).toMatchObject({ kind: 'value' });
	});

	test('characters of a value are its strings and keys, however deeply nested', () => {
		expect(valueCharacters({ ab: ['cde', { f: 'g' }], h: 1, i: null })).toBe(9);
		let deep: unknown = 'x';
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect(valueCharacters(deep)).toBe(1);
	});
});
