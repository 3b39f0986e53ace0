import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { UpdateIndex, type DecodedStruct, type DecodedUpdate } from './update-index';

type DeleteRanges = { clock: number; len: number }[];

/**
 * The control map, looked up before any item's parent is read: until then, the items of a root
 * that an update made have a placeholder parent, which `getMap` replaces.
 */
const controlOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(CONTROL_MAP);

/** Whether `type` is the control map or lies within it. */
function inControl(control: Y.Map<unknown>, type: Y.AbstractType<unknown> | null): boolean {
	for (let at = type; at !== null; at = at.parent) if (at === control) return true;
	return false;
}

/** Whether a struct of the document is an item of the control map (or of a type within it). */
const isControlItem = (control: Y.Map<unknown>, struct: Y.Item | Y.GC): boolean =>
	struct instanceof Y.Item &&
	struct.parent instanceof Y.AbstractType &&
	inControl(control, struct.parent);

/**
 * The client ids that wrote the control map among `clients` (each with the clock its new
 * structs start at): the server's own, across restarts and instances. Only the server writes
 * control, so these are exactly the ids the server writes with.
 */
export function controlWriters(
	doc: Y.Doc,
	clients: Iterable<[client: number, from: number]> = [...doc.store.clients.keys()].map(
		(client): [number, number] => [client, 0]
	)
): Set<number> {
	const control = controlOf(doc);
	const writers = new Set<number>();
	for (const [client, from] of clients) {
		const structs = doc.store.clients.get(client) ?? [];
		if (from >= Y.getState(doc.store, client)) continue;
		for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
			if (isControlItem(control, structs[i]!)) {
				writers.add(client);
				break;
			}
		}
	}
	return writers;
}

/** The ids of the server writers among an update's new structs, or undefined when there is none. */
export function newStructsOfWriters(
	update: DecodedUpdate,
	doc: Y.Doc,
	writers: ReadonlySet<number>
): number | undefined {
	const struct = update.structs.find(
		({ id, length }, index) =>
			writers.has(id.client) &&
			!(update.structs[index] instanceof Y.Skip) &&
			id.clock + length > Y.getState(doc.store, id.client)
	);
	return struct?.id.client;
}

/**
 * Tells, for each struct of an update, whether Yjs will integrate it into the control map (or a
 * type within it): the parent named by the item (a root name, or the id of a nested type's
 * item), or else the parent of its left neighbour (origin), or else of its right one, as Yjs
 * finds it. Neighbours may be items of the same update, in any order; a struct whose parent
 * cannot be told yet waits for structs that are not in the room, each checked on its arrival.
 */
function controlFinder(doc: Y.Doc, structs: readonly DecodedStruct[]) {
	const control = controlOf(doc);
	const lookup = new UpdateIndex(structs);
	const inDoc = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);
	/** The answer for one struct, or the struct of the update whose answer is the same. */
	const step = (struct: DecodedStruct): boolean | { next: number } => {
		if (!(struct instanceof Y.Item)) return false;
		const neighbour = struct.origin ?? struct.rightOrigin;
		const parent: unknown = struct.parent;
		if (neighbour === null) {
			if (typeof parent === 'string') return parent === CONTROL_MAP;
			if (!(parent instanceof Y.ID)) return false;
			if (inDoc(parent)) {
				const item = Y.getItem(doc.store, parent);
				return item instanceof Y.Item && item.content instanceof Y.ContentType
					? inControl(control, item.content.type)
					: false;
			}
			// A type the same update makes lies in control when its item does.
			const index = lookup.holding(parent);
			return index === undefined ? false : { next: index };
		}
		if (inDoc(neighbour)) return isControlItem(control, Y.getItem(doc.store, neighbour));
		const index = lookup.holding(neighbour);
		return index === undefined ? false : { next: index };
	};
	const found = new Map<number, boolean>();
	/** Follows neighbours through the update without recursion; a cycle never integrates. */
	return (start: number): boolean => {
		const path = new Set<number>();
		let index = start;
		let answer = false;
		for (;;) {
			const known = found.get(index);
			if (known !== undefined) {
				answer = known;
				break;
			}
			if (path.has(index)) break;
			path.add(index);
			const next = step(structs[index]!);
			if (typeof next === 'boolean') {
				answer = next;
				break;
			}
			index = next.next;
		}
		for (const visited of path) found.set(visited, answer);
		return answer;
	};
}

/**
 * The deletion ranges of a server writer's items without the control items in them, and how
 * many live control items and ranges past the document were left out. Deletions of a server
 * writer's items the document does not have yet would wait, and delete its future writes.
 */
function withoutControl(doc: Y.Doc, client: number, ranges: DeleteRanges) {
	const control = controlOf(doc);
	const structs = doc.store.clients.get(client) ?? [];
	const known = Y.getState(doc.store, client);
	const kept: DeleteRanges = [];
	let stripped = 0;
	for (const { clock, len } of ranges) {
		const end = Math.min(clock + len, known);
		if (clock + len > known) stripped++;
		for (
			let i = clock < end ? Y.findIndexSS(structs, clock) : structs.length;
			i < structs.length;
			i++
		) {
			const struct = structs[i]!;
			if (struct.id.clock >= end) break;
			const from = Math.max(clock, struct.id.clock);
			const to = Math.min(end, struct.id.clock + struct.length);
			if (!isControlItem(control, struct)) {
				const last = kept.at(-1);
				if (last && last.clock + last.len === from) last.len += to - from;
				else kept.push({ clock: from, len: to - from });
			} else if (!struct.deleted) stripped++;
		}
	}
	return { kept, stripped };
}

/**
 * Writes a V1 update from decoded structs (grouped by client, as decoded) and a delete set.
 * Yjs exports the struct writers but not the update writer, so this mirrors its layout.
 */
export function encodeUpdate(
	structs: readonly DecodedStruct[],
	deletions: Map<number, DeleteRanges>
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
	/** The same update decoded, for the checks that follow. */
	decoded: DecodedUpdate;
	/** How many items and deletions were taken out because they would change control. */
	stripped: number;
}

/**
 * Takes out of a client's update everything that would change the control map, which only the
 * server writes (docs/protocol.md, rule Y3), and keeps the rest. Decided by the parent type each
 * new item goes into, not by who wrote its neighbours: an item whose parent is `control` (a new
 * key), or whose left or right neighbour is an item of control (an overwrite names only its
 * origin), and a deletion of a live control item (all of them are the server writers'), or of a
 * writer's clocks the room does not have yet. New items become GC placeholders of the same
 * length, so the client's clock sequence has no gap and its later edits still apply. Structs
 * the server already has, and deletions it already made, are harmless and kept: every sync
 * step 2 carries the sender's whole delete set. An update with nothing to strip is returned as
 * the same bytes.
 */
export function stripControlWrites(
	update: Uint8Array,
	decoded: DecodedUpdate,
	doc: Y.Doc,
	writers: ReadonlySet<number>
): GuardedUpdate {
	const { structs, ds } = decoded;
	const isControl = controlFinder(doc, structs);
	let stripped = 0;
	const kept = structs.map((struct, index) => {
		const isNew = struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client);
		if (!isNew || !(struct instanceof Y.Item) || !isControl(index)) return struct;
		stripped++;
		return new Y.GC(struct.id, struct.length);
	});
	const deletions = new Map(ds.clients);
	for (const [client, ranges] of ds.clients) {
		if (!writers.has(client)) continue;
		const without = withoutControl(doc, client, ranges);
		if (without.stripped === 0) continue;
		stripped += without.stripped;
		if (without.kept.length > 0) deletions.set(client, without.kept);
		else deletions.delete(client);
	}
	if (stripped === 0) return { update, decoded, stripped };
	// Rare (a client writing control): decoding the rewritten update again costs little.
	const rewritten = encodeUpdate(kept, deletions);
	return { update: rewritten, decoded: Y.decodeUpdate(rewritten), stripped };
}
