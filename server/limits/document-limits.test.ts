import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { DocumentLimits } from './document-limits';

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
		expect(limits.refusal(diff())).toBeUndefined();
		Y.applyUpdate(server, diff());
		fill(client, 5, 5);
		const update = diff();
		expect(limits.refusal(update)).toEqual({
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
		expect(limits.refusal(diff())).toMatchObject({ kind: 'document-size' });
		const deleter = new Y.Doc();
		Y.applyUpdate(deleter, Y.encodeStateAsUpdate(server));
		deleter.getText('filler:0').delete(0, 1000);
		// Its sync step 2: no new struct, and deletions only.
		expect(limits.refusal(Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(server)))).toBe(
			undefined
		);
	});

	test('structs waiting for missing ones count towards the size', () => {
		const { server, limits } = setup(1_000_000);
		const missing = new Y.Doc();
		missing.getText(NOTES_TEXT).insert(0, 'first');
		const waiting = new Y.Doc();
		Y.applyUpdate(waiting, Y.encodeStateAsUpdate(missing));
		const vector = Y.encodeStateVector(waiting);
		waiting.getText(NOTES_TEXT).insert(5, 'b'.repeat(5000));
		const before = limits.bytes;
		Y.applyUpdate(server, Y.encodeStateAsUpdate(waiting, vector));
		expect(server.store.pendingStructs).not.toBeNull();
		expect(limits.bytes).toBeGreaterThan(before + 5000);
	});

	test('text limits are checked as well', () => {
		const { client, limits, diff } = setup(1_000_000);
		client.getText('paraphrase:round-1:needs').insert(0, 'c'.repeat(2001));
		expect(limits.refusal(diff())).toMatchObject({ kind: 'text' });
	});
});
