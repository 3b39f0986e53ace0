import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { ListLengths, listLength } from './list-lengths';

/**
 * A client's notes and the server's copy of them: a plain root, as the server never names it.
 * The client keeps deleted text (no GC), so an update can bring text and its deletion at once.
 */
function setup() {
	const client = new Y.Doc({ gc: false });
	const notes = client.getText(NOTES_TEXT);
	const server = new Y.Doc();
	const lengths = new ListLengths(server);
	/** Brings the client's changes to the server, as its updates do. */
	const sync = () =>
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
	return { client, notes, server, lengths, sync };
}

describe('list lengths', () => {
	test('a plain root is as long for the server as the text is for its writer', () => {
		const { notes, server, sync } = setup();
		notes.insert(0, 'hello world');
		notes.delete(0, 6);
		notes.insert(5, '!', { bold: true });
		sync();
		const root = server.share.get(NOTES_TEXT)!;
		expect(root.constructor).toBe(Y.AbstractType);
		expect(listLength(root)).toBe(6);
		expect(listLength(notes)).toBe(6);
	});

	test('a remembered length follows typing, deleting, text made and deleted at once, and a second writer', () => {
		const { client, notes, server, lengths, sync } = setup();
		notes.insert(0, 'start');
		sync();
		const root = server.share.get(NOTES_TEXT)!;
		expect(lengths.of(root)).toBe(5);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
		for (let i = 0; i < 200; i++) {
			const at = (i * 7919) % (notes.length + 1);
			if (i % 3 === 0) notes.delete(Math.min(at, notes.length - 1), 1);
			else notes.insert(at, 'ab');
			if (i % 10 === 0) {
				client.transact(() => {
					notes.insert(0, 'gone');
					notes.delete(0, 4);
				});
			}
			if (i % 25 === 0) {
				other.getText(NOTES_TEXT).insert(0, 'x');
				Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
				Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
			}
			sync();
			expect(lengths.of(root)).toBe(listLength(root));
		}
		expect(lengths.of(root)).toBe(notes.length);
	});
});
