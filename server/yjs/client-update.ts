import * as Y from 'yjs';
import { parentFinder, type ItemParent } from './item-parents';
import { UpdateIndex, type DecodedUpdate } from './update-index';

/**
 * A client's update read once, for every check it passes before it is applied (issue 15): the
 * bytes, the decoded structs and delete set, the structs by client and clock, and where each new
 * item goes in the document as it is now.
 */
export interface ClientUpdate {
	bytes: Uint8Array;
	decoded: DecodedUpdate;
	lookup: UpdateIndex;
	parentOf(index: number): ItemParent;
}

/** Reads `bytes` against `doc` before it is applied. Throws on an update that cannot be decoded. */
export function readClientUpdate(bytes: Uint8Array, doc: Y.Doc): ClientUpdate {
	const decoded = Y.decodeUpdate(bytes);
	const lookup = new UpdateIndex(decoded.structs);
	return { bytes, decoded, lookup, parentOf: parentFinder(doc, lookup) };
}
