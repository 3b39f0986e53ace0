import * as Y from 'yjs';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { assertNever } from '../../src/lib/assert-never';
import { readClientUpdate, type ClientUpdate } from './client-update';
import { writeUpdate, type DeleteRanges } from './update-writer';

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
	// Most items share a handful of parents: each is looked up once (a load reads every item).
	const verdicts = new Map<unknown, boolean>();
	for (const [client, from] of clients) {
		const structs = doc.store.clients.get(client) ?? [];
		if (from >= Y.getState(doc.store, client)) continue;
		for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
			const struct = structs[i]!;
			if (!(struct instanceof Y.Item)) continue;
			let verdict = verdicts.get(struct.parent);
			if (verdict === undefined) {
				verdict = isControlItem(control, struct);
				verdicts.set(struct.parent, verdict);
			}
			if (verdict) {
				writers.add(client);
				break;
			}
		}
	}
	return writers;
}

/**
 * The first server writer an update claims, or undefined when it claims none: a new struct under
 * a writer's id, or a new item whose origin, right origin or parent is a writer's clock the room
 * does not have yet. Such an item waits for the server's next write and then takes its place
 * (an item anchored to a map value takes that value's key), past every check of this update.
 * An honest client never has a server's item before the room does.
 */
export function writerClaimed(
	{ decoded: update }: ClientUpdate,
	doc: Y.Doc,
	writers: ReadonlySet<number>
): number | undefined {
	const ahead = (id: Y.ID | null) =>
		id !== null && writers.has(id.client) && id.clock >= Y.getState(doc.store, id.client);
	for (const struct of update.structs) {
		if (struct instanceof Y.Skip) continue;
		const { id, length } = struct;
		if (writers.has(id.client) && id.clock + length > Y.getState(doc.store, id.client)) {
			return id.client;
		}
		if (!(struct instanceof Y.Item)) continue;
		const parent: unknown = struct.parent;
		for (const named of [
			struct.origin,
			struct.rightOrigin,
			parent instanceof Y.ID ? parent : null
		]) {
			if (ahead(named)) return named!.client;
		}
	}
	return undefined;
}

/**
 * The parent type of a new item whose left (else right) neighbour the document has, as Yjs
 * will find it: an ordinary keystroke's item, decided without reading the rest of the update.
 * Undefined when the neighbour is elsewhere or the item names its parent itself.
 */
function parentByNeighbour(doc: Y.Doc, item: Y.Item): Y.AbstractType<unknown> | undefined {
	const neighbour = item.origin ?? item.rightOrigin;
	if (neighbour === null || neighbour.clock >= Y.getState(doc.store, neighbour.client)) {
		return undefined;
	}
	const found = Y.getItem(doc.store, neighbour);
	return found instanceof Y.Item && found.parent instanceof Y.AbstractType
		? found.parent
		: undefined;
}

/**
 * Tells, for each struct of an update, whether Yjs will integrate it into the control map or a
 * type within it: by the parent it goes into (a type that the same update makes lies in control
 * when its item does). A struct whose parent cannot be told yet waits for structs that are not
 * in the room, each checked on its own arrival.
 */
function controlFinder(doc: Y.Doc, update: ClientUpdate): (index: number) => boolean {
	const control = controlOf(doc);
	const found = new Map<number, boolean>();
	return (start: number): boolean => {
		const path = new Set<number>();
		let index: number | undefined = start;
		let answer = false;
		while (index !== undefined && !path.has(index)) {
			const known = found.get(index);
			if (known !== undefined) {
				answer = known;
				break;
			}
			path.add(index);
			const parent = update.parentOf(index);
			index = undefined;
			switch (parent.kind) {
				case 'type':
					answer = inControl(control, parent.type);
					break;
				case 'root':
					answer = parent.name === CONTROL_MAP;
					break;
				case 'new-type':
					index = parent.index;
					break;
				case 'dropped':
				case 'waiting':
					answer = false;
					break;
				default:
					assertNever(parent);
			}
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

export interface GuardedUpdate {
	/** The update to check further and apply: the same when nothing was taken out. */
	update: ClientUpdate;
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
	update: ClientUpdate,
	doc: Y.Doc,
	writers: ReadonlySet<number>
): GuardedUpdate {
	const { structs, ds } = update.decoded;
	const control = controlOf(doc);
	// Made only for an item whose neighbour is not in the document (rare for a keystroke).
	let isControl: ((index: number) => boolean) | undefined;
	let stripped = 0;
	// Copied only once something is taken out: an honest client's update never needs the copies.
	let kept: typeof structs | undefined;
	structs.forEach((struct, index) => {
		const isNew = struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client);
		if (!isNew || !(struct instanceof Y.Item)) return;
		const parent = parentByNeighbour(doc, struct);
		const inside =
			parent !== undefined
				? inControl(control, parent)
				: (isControl ??= controlFinder(doc, update))(index);
		if (!inside) return;
		stripped++;
		kept ??= [...structs];
		kept[index] = new Y.GC(struct.id, struct.length);
	});
	let deletions: typeof ds.clients | undefined;
	for (const [client, ranges] of ds.clients) {
		if (!writers.has(client)) continue;
		const without = withoutControl(doc, client, ranges);
		if (without.stripped === 0) continue;
		stripped += without.stripped;
		deletions ??= new Map(ds.clients);
		if (without.kept.length > 0) deletions.set(client, without.kept);
		else deletions.delete(client);
	}
	if (stripped === 0) return { update, stripped };
	// Rare (a client writing control): reading the rewritten update again costs little.
	return {
		update: readClientUpdate(writeUpdate(kept ?? structs, deletions ?? ds.clients), doc),
		stripped
	};
}
