import * as Y from 'yjs';
import { assertNever } from '../../src/lib/assert-never';
import { LIMIT_WORDS, MAX_DOCUMENT_BYTES } from './limits';
import { textBreach, type TextBreach } from './text-limits';

/** Why a client's update is refused; sizes only, for the log (never content). */
export type UpdateRefusal =
	{ kind: 'document-size'; bytes: number; updateBytes: number; limit: number } | TextBreach;

/**
 * The limits a room document keeps (protocol L3, L4), checked before a client's update is
 * applied. The document's size is an estimate: its encoded size when loaded or last compacted,
 * plus every change since as Yjs reported it, plus structs waiting for missing ones. Changes
 * encode larger one by one than merged, so the estimate errs high until the next compaction.
 */
export class DocumentLimits {
	#bytes: number;

	constructor(
		private readonly doc: Y.Doc,
		private readonly maxBytes = MAX_DOCUMENT_BYTES
	) {
		this.#bytes = Y.encodeStateAsUpdate(doc).byteLength;
		doc.on('update', (update: Uint8Array) => {
			this.#bytes += update.byteLength;
		});
	}

	/** The estimated encoded size of the document, in bytes. */
	get bytes(): number {
		const { pendingStructs, pendingDs } = this.doc.store;
		return this.#bytes + (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
	}

	/** The whole document was just encoded in `bytes` (a snapshot): the estimate starts there. */
	measured(bytes: number): void {
		this.#bytes = bytes;
	}

	/**
	 * Why `update` may not be applied, or undefined when it may. An update that adds no struct
	 * (a sync step 2 with deletions only) never makes the document fuller, so a full room still
	 * lets people delete. Throws on an update that cannot be decoded.
	 */
	refusal(update: Uint8Array): UpdateRefusal | undefined {
		const decoded = Y.decodeUpdate(update);
		const { store } = this.doc;
		const grows = decoded.structs.some(
			(struct) =>
				!(struct instanceof Y.Skip) &&
				struct.id.clock + struct.length > Y.getState(store, struct.id.client)
		);
		const bytes = this.bytes;
		if (grows && bytes + update.byteLength > this.maxBytes) {
			return {
				kind: 'document-size',
				bytes,
				updateBytes: update.byteLength,
				limit: this.maxBytes
			};
		}
		return textBreach(decoded, this.doc);
	}
}

/** The close reason a person is shown for a refused update. */
export function refusalWords(refusal: UpdateRefusal): string {
	switch (refusal.kind) {
		case 'document-size':
			return LIMIT_WORDS.roomFull;
		case 'text':
		case 'value':
			return LIMIT_WORDS.textTooLong;
		default:
			return assertNever(refusal);
	}
}
