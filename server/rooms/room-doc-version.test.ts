import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { builtInPlaybooks } from '../../src/lib/playbooks/library';
import { StoredDataTooNewError } from '../storage/migrations';
import { initialRoomUpdate } from './stored-rooms';
import {
	migrateRoomDoc,
	refuseNewerRoomDoc,
	ROOM_DOC_MIGRATIONS,
	roomDocVersion,
	SCHEMA_VERSION_KEY
} from './room-doc-version';

const LATEST = ROOM_DOC_MIGRATIONS.length;

/** A document as release 6cdb000 wrote it: a control map without a version. */
function previousReleaseDoc(): Y.Doc {
	const doc = new Y.Doc();
	doc.getMap(CONTROL_MAP).set('step', 0);
	return doc;
}

describe('the schema version of a room document', () => {
	test('a new room is written at the latest version', () => {
		const playbook = builtInPlaybooks[0];
		if (!playbook) throw new Error('no built-in playbook');
		const doc = new Y.Doc();
		Y.applyUpdate(doc, initialRoomUpdate(playbook));
		expect(roomDocVersion(doc)).toBe(LATEST);
	});

	test('a document of the previous release is version 0 and is brought to the latest in one transaction', () => {
		const doc = previousReleaseDoc();
		expect(roomDocVersion(doc)).toBe(0);
		const origins: unknown[] = [];
		doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
		migrateRoomDoc(doc, 'room r', 'server');
		expect(doc.getMap(CONTROL_MAP).get(SCHEMA_VERSION_KEY)).toBe(LATEST);
		expect(doc.getMap(CONTROL_MAP).get('step')).toBe(0);
		expect(origins).toEqual(['server']);
	});

	test('a current document is left as it is: no write at all', () => {
		const doc = previousReleaseDoc();
		migrateRoomDoc(doc, 'room r', 'server');
		let writes = 0;
		doc.on('update', () => writes++);
		migrateRoomDoc(doc, 'room r', 'server');
		expect(writes).toBe(0);
	});

	test('a document from a newer release is refused and not changed', () => {
		const doc = new Y.Doc();
		doc.getMap(CONTROL_MAP).set(SCHEMA_VERSION_KEY, LATEST + 1);
		const before = Y.encodeStateVector(doc);
		expect(() => refuseNewerRoomDoc(doc, 'The document of room r')).toThrow(StoredDataTooNewError);
		expect(() => migrateRoomDoc(doc, 'The document of room r', 'server')).toThrow(
			`The document of room r has schema version ${LATEST + 1}`
		);
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});
});
