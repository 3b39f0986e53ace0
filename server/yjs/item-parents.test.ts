import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { readClientUpdate } from './client-update';

/** A room document with some notes, and a client that has synced with it. */
function setup() {
	const server = new Y.Doc();
	server.getText(NOTES_TEXT).insert(0, 'hello');
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	/** Where each struct of the client's changes goes, by kind. */
	const parents = (update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))) => {
		const read = readClientUpdate(update, server);
		return read.decoded.structs.map((_, index) => read.parentOf(index));
	};
	return { server, client, parents };
}

describe('where a new item goes (as Yjs finds it)', () => {
	test('next to an item of the room: that item’s type', () => {
		const { server, client, parents } = setup();
		client.getText(NOTES_TEXT).insert(5, ' world');
		expect(parents()).toEqual([{ kind: 'type', type: server.share.get(NOTES_TEXT) }]);
	});

	test('a root the item names, and types the same update makes, in any order', () => {
		const { client, parents } = setup();
		const map = new Y.Map<unknown>();
		client.getArray('list').insert(0, [map]);
		map.set('inner', 'value');
		const found = parents();
		expect(found).toContainEqual({ kind: 'root', name: 'list' });
		const made = found.findIndex((parent) => parent.kind === 'root');
		expect(found).toContainEqual({ kind: 'new-type', index: made });
	});

	test('next to changes the room does not have: waiting', () => {
		const { client, parents } = setup();
		client.getText(NOTES_TEXT).insert(0, 'first ');
		const vector = Y.encodeStateVector(client);
		client.getText(NOTES_TEXT).insert(6, 'second ');
		expect(parents(Y.encodeStateAsUpdate(client, vector))).toEqual([{ kind: 'waiting' }]);
	});
});
