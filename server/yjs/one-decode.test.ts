import { describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { ClientUpdateGate } from './client-update-gate';

// Every function of Yjs's API that reads an update's bytes, counted where the server calls them.
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('yjs', async (importOriginal) => {
	const yjs = await importOriginal<typeof import('yjs')>();
	const counted =
		<A extends unknown[], R>(read: (...args: A) => R) =>
		(...args: A): R => {
			reads.count++;
			return read(...args);
		};
	return {
		...yjs,
		decodeUpdate: counted(yjs.decodeUpdate),
		decodeUpdateV2: counted(yjs.decodeUpdateV2),
		mergeUpdates: counted(yjs.mergeUpdates),
		diffUpdate: counted(yjs.diffUpdate),
		parseUpdateMeta: counted(yjs.parseUpdateMeta),
		encodeStateVectorFromUpdate: counted(yjs.encodeStateVectorFromUpdate),
		convertUpdateFormatV1ToV2: counted(yjs.convertUpdateFormatV1ToV2),
		logUpdate: counted(yjs.logUpdate)
	};
});

/** A served room document, and a client that has synced with it. */
function setup() {
	const server = new Y.Doc();
	server.getMap(CONTROL_MAP).set('step', 0);
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const gate = new ClientUpdateGate(server);
	/** The client's changes as its sync step 2 sends them, and how often the gate read them. */
	const check = () => {
		const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
		reads.count = 0;
		const result = gate.check(update);
		return { result, reads: reads.count };
	};
	return { client, check };
}

describe('one decode per client frame (issue 15)', () => {
	test('the guard, the server-id check and every limit share one read of an update', () => {
		const { client, check } = setup();
		client.getText(NOTES_TEXT).insert(0, 'typed');
		client.getArray('list').push([{ value: 'x' }]);
		const { result, reads } = check();
		expect(result).toMatchObject({ applied: true, stripped: 0 });
		expect(reads).toBe(1);
	});

	test('an update with writes to control is read once more, as rewritten without them', () => {
		const { client, check } = setup();
		client.getMap(CONTROL_MAP).set('step', 3);
		client.getText(NOTES_TEXT).insert(0, 'kept');
		const { result, reads } = check();
		expect(result).toMatchObject({ applied: true, stripped: 2 });
		expect(reads).toBe(2);
	});
});
