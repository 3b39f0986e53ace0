import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { ClientUpdateGate } from './client-update-gate';

/** A room document whose control map an earlier server wrote, served now by another. */
function setup() {
	const earlier = new Y.Doc();
	earlier.getMap(CONTROL_MAP).set('step', 0);
	const server = new Y.Doc();
	Y.applyUpdate(server, Y.encodeStateAsUpdate(earlier));
	return { earlier, server, gate: new ClientUpdateGate(server) };
}

/** What a client with id `clientId` sends after typing `text` into the notes. */
function typed(server: Y.Doc, clientId: number, text: string) {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	// Set after syncing: Yjs takes a new id on seeing its own in someone else's update.
	client.clientID = clientId;
	client.getText(NOTES_TEXT).insert(0, text);
	return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

describe('client updates under a server’s client id (rule Y3)', () => {
	test('new structs under the id of any server that wrote control are refused whole', () => {
		const { earlier, server, gate } = setup();
		expect(gate.check(typed(server, earlier.clientID, 'planted'))).toEqual({
			applied: false,
			refused: { kind: 'server-client', client: earlier.clientID }
		});
	});

	test('the serving document’s own id is refused before it writes anything', () => {
		const { server, gate } = setup();
		expect(gate.check(typed(server, server.clientID, 'planted'))).toMatchObject({
			applied: false,
			refused: { kind: 'server-client' }
		});
	});

	test('a writer seen later, through another instance’s change, counts as well', () => {
		const { server, gate } = setup();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
		other.getMap(CONTROL_MAP).set('step', 1);
		server.getMap(CONTROL_MAP).observe((event) => gate.controlChanged(event.transaction));
		Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
		expect(gate.check(typed(server, other.clientID, 'planted'))).toMatchObject({
			applied: false
		});
	});

	test('an item anchored to a writer’s clock the room does not have yet is refused whole', () => {
		const { earlier, server, gate } = setup();
		// The writer's next item, guessed: a value anchored to it would take its key once written.
		const attacker = new Y.Doc();
		Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server));
		attacker.clientID = earlier.clientID;
		attacker.getMap(CONTROL_MAP).set('step', 1);
		const guessed = Y.encodeStateVector(attacker);
		attacker.clientID = 7;
		attacker.getMap(CONTROL_MAP).set('step', 9);
		expect(gate.check(Y.encodeStateAsUpdate(attacker, guessed))).toEqual({
			applied: false,
			refused: { kind: 'server-client', client: earlier.clientID }
		});
	});

	test('anyone else’s content passes, as the same bytes', () => {
		const { server, gate } = setup();
		const update = typed(server, 7, 'hello');
		expect(gate.check(update)).toEqual({ applied: true, update, stripped: 0 });
	});

	test('a malformed update throws instead of being applied', () => {
		const { server, gate } = setup();
		const before = Y.encodeStateAsUpdate(server);
		expect(() => gate.check(new Uint8Array([1, 2, 3]))).toThrow();
		expect(Y.encodeStateAsUpdate(server)).toEqual(before);
	});
});
