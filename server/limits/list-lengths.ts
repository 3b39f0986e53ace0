import * as Y from 'yjs';

/** The types Yjs names with a `length` of their own. */
const saysItsLength = <Event>(
	type: Y.AbstractType<Event>
): type is Y.AbstractType<Event> & { readonly length: number } =>
	type instanceof Y.Text || type instanceof Y.Array || type instanceof Y.XmlFragment;

/**
 * How many countable entries a type's list holds (characters of a text), as Yjs counts them.
 * Texts, arrays and XML fragments say so. The root types clients make are plain
 * `AbstractType`s on the server (it never names them, so a hostile client cannot make it
 * name one wrongly), and a map's list holds only what a hostile client put there: both are
 * counted along their children.
 */
export function listLength<Event>(type: Y.AbstractType<Event>): number {
	if (saysItsLength(type)) return type.length;
	let length = 0;
	for (const item of Y.getTypeChildren(type)) {
		if (item.countable && !item.deleted) length += item.length;
	}
	return length;
}

/**
 * `listLength` for one document without counting a long text along its children on every
 * keystroke: each type is counted once, then kept current from every transaction (its new
 * countable items, less those of its earlier ones the transaction deleted), as Yjs keeps the
 * length of the types it names.
 */
export class ListLengths {
	readonly #known = new Map<unknown, number>();

	constructor(doc: Y.Doc) {
		doc.on('afterTransaction', (transaction: Y.Transaction) => this.#follow(transaction));
	}

	readonly of = <Event>(type: Y.AbstractType<Event>): number => {
		if (saysItsLength(type)) return type.length;
		let length = this.#known.get(type);
		if (length === undefined) this.#known.set(type, (length = listLength(type)));
		return length;
	};

	#follow(transaction: Y.Transaction): void {
		const { doc, beforeState, afterState, deleteSet } = transaction;
		if (this.#known.size === 0) return;
		const add = (struct: Y.Item | Y.GC, sign: 1 | -1) => {
			if (!(struct instanceof Y.Item) || struct.parentSub !== null || !struct.countable) return;
			const length = this.#known.get(struct.parent);
			if (length !== undefined) this.#known.set(struct.parent, length + sign * struct.length);
		};
		for (const [client, after] of afterState) {
			const before = beforeState.get(client) ?? 0;
			if (after <= before) continue;
			// Structs merge only after the transaction: the new ones start at `before`.
			const structs = doc.store.clients.get(client) ?? [];
			for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
				if (!structs[i]!.deleted) add(structs[i]!, 1);
			}
		}
		Y.iterateDeletedStructs(transaction, deleteSet, (struct) => {
			// An item made and deleted in the same transaction was never counted.
			if (struct.id.clock < (beforeState.get(struct.id.client) ?? 0)) add(struct, -1);
		});
	}
}
