import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { Random } from '../../tests/fuzz/random';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { readClientUpdate } from './client-update';
import { writeUpdate } from './update-writer';
import { waitingInDocument, waitingParts } from './waiting-parts';

const waiting = (update: Uint8Array, doc: Y.Doc) =>
	waitingParts(readClientUpdate(update, doc), doc);

/** An update with no structs that deletes `ranges` ranges of `client`. */
const deletions = (client: number, ranges: { clock: number; len: number }[]) =>
	writeUpdate([], new Map([[client, ranges]]));

/** A copy of `doc` (which keeps nothing waiting). */
function copyOf(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

describe('what an update leaves waiting (protocol L7)', () => {
	test('an update that follows on from the document leaves nothing waiting', () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		client.getText(NOTES_TEXT).insert(0, 'hello');
		const first = Y.encodeStateAsUpdate(client);
		expect(waiting(first, server)).toEqual({ structs: 0, deletions: 0 });
		Y.applyUpdate(server, first);
		const vector = Y.encodeStateVector(client);
		client.getText(NOTES_TEXT).delete(0, 2);
		client.getText(NOTES_TEXT).insert(3, ' there');
		expect(waiting(Y.encodeStateAsUpdate(client, vector), server)).toEqual({
			structs: 0,
			deletions: 0
		});
	});

	test('an edit next to another client’s text the document lacks waits, and applies once that text is in', () => {
		const server = new Y.Doc();
		const first = new Y.Doc();
		first.getText(NOTES_TEXT).insert(0, 'ab');
		const second = new Y.Doc();
		Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
		const vector = Y.encodeStateVector(second);
		second.getText(NOTES_TEXT).insert(1, 'x');
		// The second client's own clock follows on: only its neighbours are missing.
		const edit = Y.encodeStateAsUpdate(second, vector);
		expect(waiting(edit, server)).toEqual({ structs: 1, deletions: 0 });
		Y.applyUpdate(server, Y.encodeStateAsUpdate(first));
		expect(waiting(edit, server)).toEqual({ structs: 0, deletions: 0 });
		// Both in one update: the edit waits for a struct the same update brings.
		expect(waiting(Y.encodeStateAsUpdate(second), new Y.Doc())).toEqual({
			structs: 0,
			deletions: 0
		});
	});

	test('a client written twice in one update waits: Yjs keeps only its last part', () => {
		const client = new Y.Doc();
		const other = new Y.Doc();
		client.getText(NOTES_TEXT).insert(0, 'abc');
		const first = Y.decodeUpdate(Y.encodeStateAsUpdate(client)).structs;
		const vector = Y.encodeStateVector(client);
		client.getText(NOTES_TEXT).insert(3, 'def');
		const rest = Y.decodeUpdate(Y.encodeStateAsUpdate(client, vector)).structs;
		other.getText('elsewhere').insert(0, 'x');
		const between = Y.decodeUpdate(Y.encodeStateAsUpdate(other)).structs;
		// Three parts, the client's clocks following on: Yjs drops the first, so the last waits.
		const update = writeUpdate([...first, ...between, ...rest], new Map());
		const copy = new Y.Doc();
		Y.applyUpdate(copy, update);
		expect(copy.store.pendingStructs).not.toBeNull();
		expect(waiting(update, new Y.Doc()).structs).toBeGreaterThan(0);
	});

	test('deletions of a client the document has never seen all wait', () => {
		const ranges = Array.from({ length: 1000 }, (_, n) => ({ clock: n * 2, len: 1 }));
		expect(waiting(deletions(424242, ranges), new Y.Doc())).toEqual({
			structs: 0,
			deletions: 1000
		});
	});

	test('deletions past a known client’s clock wait; those the update itself brings do not', () => {
		const server = new Y.Doc();
		server.getText(NOTES_TEXT).insert(0, 'abc');
		const id = server.clientID;
		expect(
			waiting(
				deletions(id, [
					{ clock: 0, len: 2 },
					{ clock: 2, len: 5 },
					{ clock: 9, len: 1 }
				]),
				server
			).deletions
		).toBe(2);
		const client = new Y.Doc();
		client.getText(NOTES_TEXT).insert(0, 'typed then deleted');
		client.getText(NOTES_TEXT).delete(0, 6);
		expect(waiting(Y.encodeStateAsUpdate(client), server)).toEqual({ structs: 0, deletions: 0 });
	});

	test('agrees with Yjs on what it keeps pending, for updates delivered in a random order', () => {
		const random = new Random(20, 1);
		const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
		const updates: Uint8Array[] = [];
		for (const doc of writers) doc.on('update', (update: Uint8Array) => updates.push(update));
		for (let round = 0; round < 60; round++) {
			const from = random.pick(writers);
			const to = random.pick(writers);
			if (random.chance(0.3)) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
			const text = from.getText(NOTES_TEXT);
			if (text.length > 2 && random.chance(0.4)) text.delete(random.int(0, text.length - 2), 2);
			else text.insert(random.int(0, text.length), 'xy'.repeat(random.int(1, 3)));
		}
		const server = new Y.Doc();
		let compared = 0;
		let pending = 0;
		while (updates.length > 0) {
			const [update] = updates.splice(random.int(0, Math.min(3, updates.length - 1)), 1);
			const predicted = waiting(update!, server);
			const copy = copyOf(server);
			Y.applyUpdate(copy, update!);
			expect(predicted.structs > 0).toBe(copy.store.pendingStructs !== null);
			expect(predicted.deletions > 0).toBe(copy.store.pendingDs !== null);
			compared++;
			if (predicted.structs > 0 || predicted.deletions > 0) pending++;
			// The server keeps only what applies whole; what waits comes again later.
			if (predicted.structs === 0 && predicted.deletions === 0) Y.applyUpdate(server, update!);
			else updates.push(update!);
			if (compared > 2000) break;
		}
		expect(updates).toEqual([]);
		expect(pending).toBeGreaterThan(0);
		expect(waitingInDocument(server)).toEqual({ structBytes: 0, deletions: 0 });
	});
});
