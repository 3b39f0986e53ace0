import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { writeUpdate } from '../yjs/update-writer';
import { readClientUpdate } from '../yjs/client-update';
import { DocumentLimits } from './document-limits';

const refusal = (limits: DocumentLimits, update: Uint8Array, doc: Y.Doc) =>
	limits.refusal(readClientUpdate(update, doc));

/** A server document limited to `maxBytes`, and a client that has synced with it. */
function setup(maxBytes: number) {
	const server = new Y.Doc();
	server.getText(NOTES_TEXT).insert(0, 'hello');
	const limits = new DocumentLimits(server, maxBytes);
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const diff = () => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
	return { server, client, limits, diff };
}

/** Fills a client document with `roots` fields of 1,000 characters each. */
function fill(doc: Y.Doc, roots: number, from = 0) {
	doc.transact(() => {
		for (let i = from; i < from + roots; i++)
			doc.getText(`filler:${i}`).insert(0, 'a'.repeat(1000));
	});
}

describe('document size per room (protocol L3)', () => {
	test('the estimate starts at the encoded document and grows with every change', () => {
		const { server, limits } = setup(1_000_000);
		expect(limits.bytes).toBe(Y.encodeStateAsUpdate(server).byteLength);
		const before = limits.bytes;
		server.getText(NOTES_TEXT).insert(5, ' world');
		expect(limits.bytes).toBeGreaterThan(before);
		limits.measured(42);
		expect(limits.bytes).toBe(42);
	});

	test('an update that would take the document past the limit is refused', () => {
		const { server, client, limits, diff } = setup(10_000);
		fill(client, 5);
		expect(refusal(limits, diff(), server)).toBeUndefined();
		Y.applyUpdate(server, diff());
		fill(client, 5, 5);
		const update = diff();
		expect(refusal(limits, update, server)).toEqual({
			kind: 'document-size',
			bytes: limits.bytes,
			updateBytes: update.byteLength,
			limit: 10_000
		});
	});

	test('a full room still lets people delete', () => {
		const { server, client, limits, diff } = setup(6_000);
		fill(client, 5);
		Y.applyUpdate(server, diff());
		fill(client, 1, 5);
		expect(refusal(limits, diff(), server)).toMatchObject({ kind: 'document-size' });
		const deleter = new Y.Doc();
		Y.applyUpdate(deleter, Y.encodeStateAsUpdate(server));
		deleter.getText('filler:0').delete(0, 1000);
		// Its sync step 2: no new struct, and deletions only.
		expect(
			refusal(limits, Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(server)), server)
		).toBe(undefined);
	});

	test('structs waiting for missing ones are not in the document and do not count', () => {
		const { server, limits } = setup(1_000_000);
		const missing = new Y.Doc();
		missing.getText(NOTES_TEXT).insert(0, 'first');
		const waiting = new Y.Doc();
		Y.applyUpdate(waiting, Y.encodeStateAsUpdate(missing));
		const vector = Y.encodeStateVector(waiting);
		waiting.getText(NOTES_TEXT).insert(5, 'b'.repeat(1500));
		const before = limits.bytes;
		const update = Y.encodeStateAsUpdate(waiting, vector);
		expect(refusal(limits, update, server)).toBeUndefined();
		Y.applyUpdate(server, update);
		expect(server.store.pendingStructs).not.toBeNull();
		expect(limits.bytes).toBe(before);
	});

	test('text limits are checked as well', () => {
		const { server, client, limits, diff } = setup(1_000_000);
		client.getText('paraphrase:round-1:needs').insert(0, 'c'.repeat(2001));
		expect(refusal(limits, diff(), server)).toMatchObject({ kind: 'text' });
	});
});

describe('what an update may leave waiting (protocol L7)', () => {
	/** An update deleting `ranges` one-item ranges of a client the room has never seen. */
	const deleteOnly = (ranges: number) =>
		writeUpdate(
			[],
			new Map([[424242, Array.from({ length: ranges }, (_, i) => ({ clock: i * 2, len: 1 }))]])
		);

	test('deletions of what the room does not have are refused past the bound, counting what waits', () => {
		const { server } = setup(1_000_000);
		const limits = new DocumentLimits(server, 1_000_000, { deletions: 10, structBytes: 1000 });
		expect(refusal(limits, deleteOnly(11), server)).toMatchObject({
			kind: 'waiting',
			deletions: 11
		});
		const few = deleteOnly(6);
		expect(refusal(limits, few, server)).toBeUndefined();
		Y.applyUpdate(server, few);
		expect(server.store.pendingDs).not.toBeNull();
		expect(refusal(limits, few, server)).toMatchObject({ kind: 'waiting', waitingDeletions: 6 });
	});

	test('an update that leaves structs waiting is refused when it and what waits pass the bound', () => {
		const { server } = setup(1_000_000);
		const limits = new DocumentLimits(server, 1_000_000, { deletions: 10, structBytes: 1000 });
		const other = new Y.Doc();
		other.getText(NOTES_TEXT).insert(0, 'missing');
		const vector = Y.encodeStateVector(other);
		other.getText(NOTES_TEXT).insert(7, 'w'.repeat(1000));
		expect(refusal(limits, Y.encodeStateAsUpdate(other, vector), server)).toMatchObject({
			kind: 'waiting',
			structs: 1
		});
		// The same text with what it needs is not waiting.
		expect(refusal(limits, Y.encodeStateAsUpdate(other), server)).toBeUndefined();
	});
});
