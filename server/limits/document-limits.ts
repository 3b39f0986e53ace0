import * as Y from 'yjs';
import { assertNever } from '../../src/lib/assert-never';
import type { RefusedWrite } from '../metrics';
import type { ClientUpdate } from '../yjs/client-update';
import { waitingInDocument, waitingParts } from '../yjs/waiting-parts';
import {
	CLOSE_POLICY_VIOLATION,
	CLOSE_TOO_BIG,
	LIMIT_WORDS,
	MAX_DOCUMENT_BYTES,
	MAX_WAITING_DELETIONS,
	MAX_WAITING_STRUCT_BYTES
} from './limits';
import { ListLengths } from './list-lengths';
import { textBreach, type TextBreach } from './text-limits';

/** Why a client's update is refused; sizes and ids only, for the log (never content). */
export type UpdateRefusal =
	| { kind: 'document-size'; bytes: number; updateBytes: number; limit: number }
	| {
			kind: 'waiting';
			/** What the update would leave waiting, and what waits already. */
			structs: number;
			deletions: number;
			waitingStructBytes: number;
			waitingDeletions: number;
	  }
	| { kind: 'server-client'; client: number }
	| TextBreach;

/** The limits on an update's waiting parts (protocol L7), for a room that has some already. */
export interface WaitingLimits {
	deletions: number;
	structBytes: number;
}

/**
 * The limits a room document keeps (protocol L3, L4, L7), checked before a client's update is
 * applied. The document's size is an estimate: its encoded size when loaded or last compacted,
 * plus every change since as Yjs reported it. Changes encode larger one by one than merged, so
 * the estimate errs high until the next compaction. What waits for missing changes is not in
 * the document and not counted: L7 keeps it small.
 */
export class DocumentLimits {
	#bytes: number;
	readonly #lengths: ListLengths;

	constructor(
		private readonly doc: Y.Doc,
		private readonly maxBytes = MAX_DOCUMENT_BYTES,
		private readonly waiting: WaitingLimits = {
			deletions: MAX_WAITING_DELETIONS,
			structBytes: MAX_WAITING_STRUCT_BYTES
		}
	) {
		this.#bytes = Y.encodeStateAsUpdate(doc).byteLength;
		this.#lengths = new ListLengths(doc);
		doc.on('update', (update: Uint8Array) => {
			this.#bytes += update.byteLength;
		});
	}

	/** The estimated encoded size of the document, in bytes. */
	get bytes(): number {
		return this.#bytes;
	}

	/** The whole document was just encoded in `bytes` (a snapshot): the estimate starts there. */
	measured(bytes: number): void {
		this.#bytes = bytes;
	}

	/**
	 * Why `update` may not be applied, or undefined when it may. An update
	 * that adds no struct (a sync step 2 with deletions only) never makes the document fuller, so
	 * a full room still lets people delete; but its deletions must name what the room has (L7).
	 */
	refusal(update: ClientUpdate): UpdateRefusal | undefined {
		const waiting = this.#waitingRefusal(update);
		if (waiting) return waiting;
		const { store } = this.doc;
		const grows = update.decoded.structs.some(
			(struct) =>
				!(struct instanceof Y.Skip) &&
				struct.id.clock + struct.length > Y.getState(store, struct.id.client)
		);
		const bytes = this.bytes;
		if (grows && bytes + update.bytes.byteLength > this.maxBytes) {
			return {
				kind: 'document-size',
				bytes,
				updateBytes: update.bytes.byteLength,
				limit: this.maxBytes
			};
		}
		return textBreach(update, this.doc, this.#lengths.of);
	}

	/**
	 * An update that would leave parts waiting is refused when, with what waits already, they
	 * would go over L7. What waits already is only read when the update adds to it, which an
	 * honest client's update almost never does.
	 */
	#waitingRefusal(update: ClientUpdate): UpdateRefusal | undefined {
		const { structs, deletions } = waitingParts(update, this.doc, this.waiting.deletions + 1);
		if (structs === 0 && deletions === 0) return undefined;
		const now = waitingInDocument(this.doc);
		const over =
			(deletions > 0 && now.deletions + deletions > this.waiting.deletions) ||
			(structs > 0 && now.structBytes + update.bytes.byteLength > this.waiting.structBytes);
		if (!over) return undefined;
		return {
			kind: 'waiting',
			structs,
			deletions,
			waitingStructBytes: now.structBytes,
			waitingDeletions: now.deletions
		};
	}
}

/**
 * How a connection whose update is refused is closed (code and the words a person is shown), and
 * the reason it is counted under in `practice_room_refused_writes_total`.
 */
export function refusalClose(refusal: UpdateRefusal): {
	code: number;
	reason: string;
	counted: RefusedWrite;
} {
	switch (refusal.kind) {
		case 'document-size':
			return { code: CLOSE_TOO_BIG, reason: LIMIT_WORDS.roomFull, counted: 'document_size' };
		case 'text':
		case 'value':
			return { code: CLOSE_TOO_BIG, reason: LIMIT_WORDS.textTooLong, counted: 'text_length' };
		case 'waiting':
			return {
				code: CLOSE_POLICY_VIOLATION,
				reason: LIMIT_WORDS.missingChanges,
				counted: 'waiting'
			};
		case 'server-client':
			return {
				code: CLOSE_POLICY_VIOLATION,
				reason: LIMIT_WORDS.serverClientId,
				counted: 'server_client'
			};
		default:
			return assertNever(refusal);
	}
}
