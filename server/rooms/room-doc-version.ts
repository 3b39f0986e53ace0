import type * as Y from 'yjs';
import { z } from 'zod';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import {
	latestVersion,
	planMigrations,
	StoredDataTooNewError,
	type Migration
} from '../storage/migrations';

/** The control map's key for the document's schema version (docs/document-schema.md). */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** A step of a room document's migrations, run by the server on its copy (inside `control`). */
export interface RoomDocMigration extends Migration {
	up(doc: Y.Doc): void;
}

/**
 * Version 1 only names the version: documents of release 6cdb000 (version 0) have no
 * `schemaVersion` and are otherwise the same. A later change to the document's shape adds a step
 * here that rewrites the control map; content written by clients is theirs to read leniently.
 */
export const ROOM_DOC_MIGRATIONS: readonly RoomDocMigration[] = [
	{ version: 1, name: 'the control map names its schema version', up: () => {} }
];

const storedVersionSchema = z.number().int().nonnegative();

/** The schema version a room document was written at; 0 when it names none. */
export function roomDocVersion(doc: Y.Doc): number {
	const parsed = storedVersionSchema.safeParse(doc.getMap(CONTROL_MAP).get(SCHEMA_VERSION_KEY));
	return parsed.success ? parsed.data : 0;
}

/** Throws `StoredDataTooNewError` when a room document was written by a newer release. */
export function refuseNewerRoomDoc(
	doc: Y.Doc,
	what: string,
	migrations: readonly RoomDocMigration[] = ROOM_DOC_MIGRATIONS
): void {
	const stored = roomDocVersion(doc);
	if (planMigrations(stored, migrations).kind === 'too-new') {
		throw new StoredDataTooNewError(what, stored, latestVersion(migrations));
	}
}

/**
 * Brings a room document to the latest version in one transaction with `origin` (so the room
 * stores it like any server write); nothing happens to a current one. Throws
 * `StoredDataTooNewError` on a document written by a newer release, without changing it.
 */
export function migrateRoomDoc(
	doc: Y.Doc,
	what: string,
	origin: unknown,
	migrations: readonly RoomDocMigration[] = ROOM_DOC_MIGRATIONS
): void {
	const stored = roomDocVersion(doc);
	const plan = planMigrations(stored, migrations);
	switch (plan.kind) {
		case 'current':
			return;
		case 'too-new':
			throw new StoredDataTooNewError(what, stored, latestVersion(migrations));
		case 'upgrade':
			doc.transact(() => {
				for (const step of plan.steps) step.up(doc);
				doc.getMap(CONTROL_MAP).set(SCHEMA_VERSION_KEY, latestVersion(migrations));
			}, origin);
	}
}
