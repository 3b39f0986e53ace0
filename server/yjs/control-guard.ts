import * as encoding from 'lib0/encoding';
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

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * Writes a V1 update from decoded structs (grouped by client, as decoded) and a delete set.
 * Yjs exports the struct writers but not the update writer, so this mirrors its layout.
 */
export function encodeUpdate(
	structs: DecodedStruct[],
	deletions: Map<number, { clock: number; len: number }[]>
) {
	const encoder = new Y.UpdateEncoderV1();
	const groups: DecodedStruct[][] = [];
	for (const struct of structs) {
		const group = groups.at(-1);
		if (group?.[0]?.id.client === struct.id.client) group.push(struct);
		else groups.push([struct]);
	}
	encoding.writeVarUint(encoder.restEncoder, groups.length);
	for (const group of groups) {
		encoding.writeVarUint(encoder.restEncoder, group.length);
		encoder.writeClient(group[0]!.id.client);
		encoding.writeVarUint(encoder.restEncoder, group[0]!.id.clock);
		for (const struct of group) struct.write(encoder, 0);
	}
	encoding.writeVarUint(encoder.restEncoder, deletions.size);
	for (const [client, ranges] of deletions) {
		encoder.resetDsCurVal();
		encoding.writeVarUint(encoder.restEncoder, client);
		encoding.writeVarUint(encoder.restEncoder, ranges.length);
		for (const { clock, len } of ranges) {
			encoder.writeDsClock(clock);
			encoder.writeDsLen(len);
		}
	}
	return encoder.toUint8Array();
}

export interface GuardedUpdate {
	update: Uint8Array;
	/** How many items and deletions were taken out because they would change control. */
	stripped: number;
}

/**
 * Takes out of a client's update everything that would change the control map, which only the
 * server writes (docs/protocol.md, rule Y3), and keeps the rest.
 *
 * A decoded item names `control` as its parent when it adds a new key; an overwrite of an
 * existing key names only its origin (a server item); a removal is a delete-set entry on a server
 * item. Such items become GC placeholders of the same length, so the client's clock sequence has
 * no gap and its later edits still apply. Structs the server already has, and deletions it
 * already made, are harmless and kept: every sync step 2 carries the sender's whole delete set.
 * An update with nothing to strip is returned as the same bytes.
 *
 * Throws on a malformed update; callers treat that as a bad message.
 */
export function stripControlWrites(
	update: Uint8Array,
	doc: Y.Doc,
	writers: ReadonlySet<number>
): GuardedUpdate {
	const { structs, ds } = Y.decodeUpdate(update);
	const isWriter = (id: Y.ID | null) => id !== null && writers.has(id.client);
	const touchesControl = (struct: DecodedStruct) => {
		if (!(struct instanceof Y.Item)) return false;
		if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) return false;
		const parent: unknown = struct.parent;
		return (
			parent === CONTROL_MAP ||
			(parent instanceof Y.ID && isWriter(parent)) ||
			isWriter(struct.origin) ||
			isWriter(struct.rightOrigin)
		);
	};

	let stripped = 0;
	const kept = structs.map((struct) => {
		if (!touchesControl(struct)) return struct;
		stripped++;
		return new Y.GC(struct.id, struct.length);
	});
	const deletions = new Map(ds.clients);
	for (const [client, ranges] of ds.clients) {
		if (!writers.has(client)) continue;
		const live = ranges.filter(({ clock, len }) => !allDeleted(doc, client, clock, len));
		stripped += live.length;
		// The server's own deletions are already made; the others are refused.
		deletions.delete(client);
	}
	return stripped === 0
		? { update, stripped }
		: { update: encodeUpdate(kept, deletions), stripped };
}
