import * as Y from 'yjs';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { encodeStoredPlaybook, parseStoredPlaybook } from '../playbooks/stored-playbook';
import type { StoredDoc } from '../storage/document-log';

/**
 * A room started from a community playbook keeps a copy of it in its sealed document (map
 * `playbook`, key `copy`, a stored playbook record): the author may delete the playbook and the
 * operator hide or delete it (docs/protocol.md, C3 and C4), and the people already practising
 * in the room must not lose it, nor the notes they wrote there. The copy goes when the room
 * goes (erased or expired with its sealed document).
 */
const COPY_MAP = 'playbook';
const COPY_KEY = 'copy';

/**
 * The sealed document's update that keeps `playbook` with the room, or undefined for a built-in
 * playbook: the release itself keeps those.
 */
export function playbookCopyUpdate(playbook: Playbook): Uint8Array | undefined {
	if (findBuiltInPlaybook(playbook.id)) return undefined;
	const doc = new Y.Doc();
	doc.getMap<string>(COPY_MAP).set(COPY_KEY, encodeStoredPlaybook(playbook));
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** The copy of its playbook a room's stored sealed document holds; rooms started before have none. */
export function playbookCopyOf(sealed: StoredDoc): Playbook | undefined {
	if (sealed.updates.length === 0) return undefined;
	const doc = new Y.Doc();
	for (const update of sealed.updates) Y.applyUpdate(doc, update);
	const raw = doc.getMap<unknown>(COPY_MAP).get(COPY_KEY);
	doc.destroy();
	return typeof raw === 'string' ? parseStoredPlaybook(raw) : undefined;
}
