import * as Y from 'yjs';
import { DocumentLimits, type UpdateRefusal } from '../limits/document-limits';
import { readClientUpdate } from './client-update';
import { controlWriters, writerClaimed, stripControlWrites } from './control-guard';

/** What may become of a client's update: applied (less its writes to control), or refused whole. */
export type GateResult =
	| { applied: true; update: Uint8Array; stripped: number }
	| { applied: false; refused: UpdateRefusal };

/**
 * Everything a client's update passes before it is applied to a room document, on one decode:
 * no structs under, nor items waiting for, a client id the server writes with (rule Y3), no
 * writes to control (Y3, taken out), and the document's limits (L3, L4, L7).
 */
export class ClientUpdateGate {
	/** The client ids the server writes control with, across restarts and instances. */
	readonly #writers: Set<number>;
	readonly #limits: DocumentLimits;

	constructor(private readonly doc: Y.Doc) {
		this.#writers = controlWriters(doc);
		this.#limits = new DocumentLimits(doc);
	}

	/** The estimated encoded size of the document (L3). */
	get bytes(): number {
		return this.#limits.bytes;
	}

	/** The whole document was just encoded in `bytes`: the size estimate starts there. */
	measured(bytes: number): void {
		this.#limits.measured(bytes);
	}

	/** A transaction changed the control map: whoever wrote it there is a server writer. */
	controlChanged(transaction: Y.Transaction): void {
		const advanced: [number, number][] = [];
		for (const [client, after] of transaction.afterState) {
			const before = transaction.beforeState.get(client) ?? 0;
			if (after > before && !this.#writers.has(client)) advanced.push([client, before]);
		}
		for (const writer of controlWriters(this.doc, advanced)) this.#writers.add(writer);
	}

	/**
	 * What to apply of a client's update, or why none of it. The server's own client id counts
	 * as a writer's before it first writes: Yjs would take another on seeing it used, and log so.
	 * Throws on an update that cannot be decoded.
	 */
	check(bytes: Uint8Array): GateResult {
		const update = readClientUpdate(bytes, this.doc);
		const writers = this.#writers.add(this.doc.clientID);
		const client = writerClaimed(update, this.doc, writers);
		if (client !== undefined) return { applied: false, refused: { kind: 'server-client', client } };
		const guarded = stripControlWrites(update, this.doc, writers);
		const refused = this.#limits.refusal(guarded.update);
		if (refused) return { applied: false, refused };
		return { applied: true, update: guarded.update.bytes, stripped: guarded.stripped };
	}
}
