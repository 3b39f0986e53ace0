import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DecodedStruct } from './update-index';

/** Deletion ranges of one client, as `Y.decodeUpdate` reads them. */
export type DeleteRanges = { clock: number; len: number }[];

/**
 * Writes a V1 update from decoded structs (grouped by client, in the order `Y.decodeUpdate`
 * reads them) and a delete set, with Yjs's exported encoder and each struct's own `write`. Yjs
 * exports no function that writes an update from structs, only these parts of one; the update
 * layout (docs/protocol.md points to Yjs's) is pinned by update-writer.test.ts: a Yjs update
 * read and written again comes out byte for byte the same.
 */
export function writeUpdate(
	structs: readonly DecodedStruct[],
	deletions: ReadonlyMap<number, DeleteRanges>
): Uint8Array {
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
