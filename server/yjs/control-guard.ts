import * as Y from 'yjs';
import { CONTROL_MAP } from '../../src/lib/protocol/control';

/**
 * The client ids that wrote the control map: the server's own, across restarts. Overwritten
 * entries stay reachable through `left`, so walking each key's chain finds every writer.
 */
export function controlWriters(doc: Y.Doc): Set<number> {
	const writers = new Set<number>();
	for (const latest of doc.getMap(CONTROL_MAP)._map.values()) {
		for (let item: Y.Item | null = latest; item !== null; item = item.left) {
			writers.add(item.id.client);
		}
	}
	return writers;
}

function allDeleted(doc: Y.Doc, client: number, clock: number, length: number): boolean {
	const structs = doc.store.clients.get(client);
	if (!structs || clock + length > Y.getState(doc.store, client)) return false;
	for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
		const struct = structs[i];
		if (!struct || struct.id.clock >= clock + length) break;
		if (!struct.deleted) return false;
	}
	return true;
}

/**
 * Whether a client's update would change the control map, which only the server may write
 * (docs/protocol.md, rule Y3). A decoded item names `control` as its parent when it adds a new
 * key, but an overwrite of an existing key names only its origin (a server item); a removal is
 * an entry in the delete set. Structs the server already has, and deletions it already made,
 * are harmless: every sync step 2 carries the sender's whole delete set.
 *
 * Throws on a malformed update; callers treat that as a bad message.
 */
export function touchesControl(
	update: Uint8Array,
	doc: Y.Doc,
	writers: ReadonlySet<number>
): boolean {
	const { structs, ds } = Y.decodeUpdate(update);
	const isWriter = (id: Y.ID | null) => id !== null && writers.has(id.client);
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
		const parent: unknown = struct.parent;
		if (parent === CONTROL_MAP) return true;
		if (parent instanceof Y.ID && isWriter(parent)) return true;
		if (isWriter(struct.origin) || isWriter(struct.rightOrigin)) return true;
	}
	for (const [client, deletions] of ds.clients) {
		if (!writers.has(client)) continue;
		for (const { clock, len } of deletions) {
			if (!allDeleted(doc, client, clock, len)) return true;
		}
	}
	return false;
}
