import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { readClientUpdate } from './client-update';
import { controlWriters, stripControlWrites } from './control-guard';
import { writeUpdate } from './update-writer';

/** The control guard as the server runs it on `update` against `doc`. */
function guard(update: Uint8Array, doc: Y.Doc) {
	const guarded = stripControlWrites(readClientUpdate(update, doc), doc, controlWriters(doc));
	return { update: guarded.update.bytes, stripped: guarded.stripped };
}

/** A server document with a control map, and a client that has synced with it. */
function setup() {
	const server = new Y.Doc();
	server.getMap(CONTROL_MAP).set('step', 0);
	server.getMap(CONTROL_MAP).set('timer', { status: 'idle', durationMs: 60_000 });
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	/** Sends the client's changes the way y-websocket's sync step 2 does. */
	const send = () => {
		const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
		const guarded = guard(diff, server);
		Y.applyUpdate(server, guarded.update);
		return guarded;
	};
	return { server, client, send };
}

describe('control guard (rule Y3)', () => {
	test('the writers are the clients that wrote control, found again after a reload', () => {
		const { server } = setup();
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
		expect(controlWriters(reloaded)).toEqual(new Set([server.clientID]));
	});

	test.each([
		// An overwrite is a new item after a server item plus the deletion of that item.
		['an overwrite of a server key', (m: Y.Map<unknown>) => m.set('step', 4), 2],
		['a new key', (m: Y.Map<unknown>) => m.set('host', 'me'), 1],
		['a delete of a server key', (m: Y.Map<unknown>) => m.delete('timer'), 1]
	])('%s is stripped while the content in the same update is kept', (_case, write, parts) => {
		const { server, client, send } = setup();
		const before = server.getMap(CONTROL_MAP).toJSON();
		write(client.getMap(CONTROL_MAP));
		client.getText(NOTES_TEXT).insert(0, 'kept');
		expect(send().stripped).toBe(parts);
		expect(server.getMap(CONTROL_MAP).toJSON()).toEqual(before);
		expect(server.getText(NOTES_TEXT).toString()).toBe('kept');
		// Later edits of the same client still apply: its clock sequence has no gap.
		client.getText(NOTES_TEXT).insert(4, ' going');
		send();
		expect(server.getText(NOTES_TEXT).toString()).toBe('kept going');
		expect(server.store.pendingStructs).toBeNull();
	});

	test('an edit next to text planted under a server writer’s id is content: decided by parent type', () => {
		const { server, client } = setup();
		// A document written before the server refused such updates (ClientUpdateGate).
		const planter = new Y.Doc();
		Y.applyUpdate(planter, Y.encodeStateAsUpdate(server));
		planter.clientID = server.clientID;
		planter.getText(NOTES_TEXT).insert(0, 'x');
		const planted = Y.encodeStateAsUpdate(planter, Y.encodeStateVector(client));
		Y.applyUpdate(client, planted);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
		Y.applyUpdate(reloaded, planted);
		client.getText(NOTES_TEXT).insert(1, 'yz');
		client.getText(NOTES_TEXT).insert(0, 'w');
		const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(reloaded));
		const guarded = guard(diff, reloaded);
		expect(Y.decodeUpdate(planted).structs[0]?.id.client).toBe(server.clientID);
		expect(guarded.stripped).toBe(0);
		Y.applyUpdate(reloaded, guarded.update);
		expect(reloaded.getText(NOTES_TEXT).toString()).toBe('wxyz');
		// Deleting the planted character is content too; deleting a control key is not.
		client.getText(NOTES_TEXT).delete(1, 1);
		client.getMap(CONTROL_MAP).delete('step');
		const deletes = Y.encodeStateAsUpdate(client, Y.encodeStateVector(reloaded));
		const again = guard(deletes, reloaded);
		expect(again.stripped).toBe(1);
		Y.applyUpdate(reloaded, again.update);
		expect(reloaded.getText(NOTES_TEXT).toString()).toBe('wyz');
		expect(reloaded.getMap(CONTROL_MAP).get('step')).toBe(0);
	});

	test('deletions of a server writer’s clocks the room does not have yet are taken out', () => {
		const { server } = setup();
		const future = Y.getState(server.store, server.clientID) + 3;
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		client.getText(NOTES_TEXT).insert(0, 'kept');
		const update = Y.mergeUpdates([
			Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)),
			writeUpdate([], new Map([[server.clientID, [{ clock: future, len: 2 }]]]))
		]);
		const guarded = guard(update, server);
		expect(guarded.stripped).toBe(1);
		Y.applyUpdate(server, guarded.update);
		expect(server.store.pendingDs).toBeNull();
		expect(server.getText(NOTES_TEXT).toString()).toBe('kept');
	});

	test('an update that only carries content is passed on as the same bytes', () => {
		const { server, client } = setup();
		// The server overwrote a key, so the client's delete set now names a server item.
		server.getMap(CONTROL_MAP).set('step', 1);
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		client.getText(NOTES_TEXT).insert(0, 'hello');
		const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
		const guarded = guard(diff, server);
		expect(guarded.stripped).toBe(0);
		expect(guarded.update).toBe(diff);
	});
});
