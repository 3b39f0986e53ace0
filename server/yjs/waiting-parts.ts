import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { ClientUpdate } from './client-update';
import type { DecodedStruct, UpdateIndex } from './update-index';

/** What of an update Yjs would keep waiting instead of applying: it names what the room lacks. */
export interface WaitingParts {
	/** Structs that cannot be integrated: a gap in their client's clocks, or a missing neighbour. */
	structs: number;
	/** Deletion ranges (or their tails) past what the room has, after the update's structs. */
	deletions: number;
}

/**
 * Finds, before an update is applied, which of its parts Yjs would keep as pending structs or
 * a pending delete set (`doc.store.pendingStructs`, `pendingDs`): the structs that do not follow
 * on from their client's clock in the document, or that name an origin, right origin or parent
 * the document does not have and the update does not bring, transitively (a cycle never
 * integrates); and the deletion ranges that reach past what the document has once the
 * integrable structs are in. Mirrors Yjs's `integrateStructs` and `readAndApplyDeleteSet`, as a
 * dependency count over the update's structs (Kahn's algorithm), linear in the update's size.
 * Waiting deletions are counted up to `countUpTo`.
 */
export function waitingParts(
	{ bytes, decoded, lookup }: ClientUpdate,
	doc: Y.Doc,
	countUpTo = Number.POSITIVE_INFINITY
): WaitingParts {
	const { structs } = decoded;
	const state = (client: number) => Y.getState(doc.store, client);
	// Almost every update integrates whole: only then is the dependency count skipped. Yjs keeps
	// only the last part an update writes for a client (no Yjs writer writes one twice), so
	// what such an update brings is counted as waiting, whole.
	const integrated = !onePartPerClient(bytes, lookup)
		? new Set<number>()
		: integratesWhole(structs, state)
			? undefined
			: integrable(lookup, state);
	const isIntegrated = (index: number) => integrated === undefined || integrated.has(index);

	/** Each client's clock once the integrable structs are in. */
	const endAfter = (client: number): number => {
		let end = state(client);
		for (const index of lookup.byClient.get(client) ?? []) {
			const struct = structs[index]!;
			if (isIntegrated(index) && !(struct instanceof Y.Skip)) {
				end = Math.max(end, struct.id.clock + struct.length);
			}
		}
		return end;
	};
	let deletions = 0;
	for (const [client, ranges] of decoded.ds.clients) {
		const end = endAfter(client);
		for (const { clock, len } of ranges) {
			if (len > 0 && clock + len > end) deletions++;
			// Counting hundreds of thousands of ranges only to refuse them costs tens of ms.
			if (deletions >= countUpTo) break;
		}
	}
	const waitingStructs =
		integrated === undefined
			? 0
			: structs.filter((struct, index) => !(struct instanceof Y.Skip) && !integrated.has(index))
					.length;
	return { structs: waitingStructs, deletions };
}

/** Whether a V1 update writes each client's structs in one part (its first number counts the parts). */
function onePartPerClient(bytes: Uint8Array, lookup: UpdateIndex): boolean {
	return decoding.readVarUint(decoding.createDecoder(bytes)) === lookup.byClient.size;
}

/**
 * Whether every struct integrates without waiting for another struct of the update: each
 * client's structs follow on from its clock in the document, and every origin, right origin and
 * parent they name is in the document or the client's own (Yjs looks those up without waiting).
 * A typed character is such an update; anything else takes the dependency count.
 */
function integratesWhole(structs: readonly DecodedStruct[], state: (client: number) => number) {
	let client: number | undefined;
	let end = 0;
	for (const struct of structs) {
		if (struct instanceof Y.Skip) return false;
		if (struct.id.client !== client) {
			client = struct.id.client;
			end = state(client);
		}
		if (struct.id.clock > end) return false;
		end = Math.max(end, struct.id.clock + struct.length);
		if (!(struct instanceof Y.Item)) continue;
		const parent: unknown = struct.parent;
		for (const id of [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null]) {
			if (id !== null && id.client !== client && id.clock >= state(id.client)) return false;
		}
	}
	return true;
}

/**
 * The structs Yjs integrates, as a dependency count over the update's structs (Kahn's
 * algorithm): a client's structs in order, each after the structs of the update that bring the
 * neighbours and parent it names.
 */
function integrable(lookup: UpdateIndex, state: (client: number) => number): Set<number> {
	const { structs, byClient } = lookup;
	/** How many dependencies each struct still waits for; -1 for never. */
	const waitingFor = new Array<number>(structs.length).fill(0);
	/** Which structs each struct unblocks once it is integrated. */
	const unblocks = new Map<number, number[]>();
	const dependOn = (index: number, on: number) => {
		waitingFor[index]!++;
		const list = unblocks.get(on);
		if (list) list.push(index);
		else unblocks.set(on, [index]);
	};

	for (const [client, indices] of byClient) {
		let end = state(client);
		indices.forEach((index, position) => {
			const struct = structs[index]!;
			// A client's structs integrate in order: each waits for the one before it.
			if (position > 0) dependOn(index, indices[position - 1]!);
			if (struct instanceof Y.Skip) return;
			if (struct.id.clock > end) waitingFor[index] = -1;
			end = Math.max(end, struct.id.clock + struct.length);
			if (!(struct instanceof Y.Item) || waitingFor[index] === -1) return;
			const parent: unknown = struct.parent;
			for (const id of [
				struct.origin,
				struct.rightOrigin,
				parent instanceof Y.ID ? parent : null
			]) {
				// Yjs looks up a neighbour of the same client without waiting for it.
				if (id === null || id.client === client || id.clock < state(id.client)) continue;
				const on = lookup.provider(id.client, id.clock);
				if (on === undefined) {
					waitingFor[index] = -1;
					return;
				}
				dependOn(index, on);
			}
		});
	}

	const ready = structs.flatMap((_, index) => (waitingFor[index] === 0 ? [index] : []));
	const integrated = new Set<number>();
	for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
		integrated.add(next);
		for (const other of unblocks.get(next) ?? []) {
			if (waitingFor[other]! > 0 && --waitingFor[other]! === 0) ready.push(other);
		}
	}
	return integrated;
}

/** What the document keeps waiting now (both kept in Yjs's V2 encoding). */
export function waitingInDocument(doc: Y.Doc): { structBytes: number; deletions: number } {
	const { pendingStructs, pendingDs } = doc.store;
	let deletions = 0;
	if (pendingDs) {
		for (const ranges of Y.decodeUpdateV2(pendingDs).ds.clients.values()) {
			deletions += ranges.length;
		}
	}
	return { structBytes: pendingStructs?.update.byteLength ?? 0, deletions };
}
