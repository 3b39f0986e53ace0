import * as Y from 'yjs';
import type { UpdateIndex } from './update-index';

/** Where a new item of an update goes, as Yjs will find it when it integrates the item. */
export type ItemParent =
	/** A type the document has. */
	| { kind: 'type'; type: Y.AbstractType<unknown> }
	/** A root type by name, which the document may not have made yet. */
	| { kind: 'root'; name: string }
	/** The type that the item at `index` of the same update makes. */
	| { kind: 'new-type'; index: number }
	/** Nowhere: Yjs drops the item (its neighbour or parent is gone, or is no type). */
	| { kind: 'dropped' }
	/** Not known yet: the item waits for structs the document does not have (or a cycle). */
	| { kind: 'waiting' };

const DROPPED: ItemParent = { kind: 'dropped' };
const WAITING: ItemParent = { kind: 'waiting' };

/**
 * Finds the parent of each struct of an update: the parent the item names (a root name, or the
 * id of a nested type's item), or else that of its left neighbour (origin), or else of its right
 * one, as Yjs's `Item.getMissing` does. Neighbours may be items of the same update, in any order;
 * the answers are remembered, and chains are followed without recursion.
 */
export function parentFinder(doc: Y.Doc, lookup: UpdateIndex): (index: number) => ItemParent {
	const { structs } = lookup;
	const inDoc = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);

	/** What one struct says: its parent, or the struct of the update with the same parent. */
	const step = (struct: (typeof structs)[number]): ItemParent | { next: number } => {
		if (!(struct instanceof Y.Item)) return struct instanceof Y.GC ? DROPPED : WAITING;
		const neighbour = struct.origin ?? struct.rightOrigin;
		if (neighbour !== null) {
			if (inDoc(neighbour)) {
				const item = Y.getItem(doc.store, neighbour);
				return item instanceof Y.Item && item.parent instanceof Y.AbstractType
					? { kind: 'type', type: item.parent }
					: DROPPED;
			}
			const index = lookup.holding(neighbour);
			return index === undefined ? WAITING : { next: index };
		}
		const parent: unknown = struct.parent;
		if (typeof parent === 'string') return { kind: 'root', name: parent };
		if (!(parent instanceof Y.ID)) return WAITING;
		if (inDoc(parent)) {
			const item = Y.getItem(doc.store, parent);
			return item instanceof Y.Item && item.content instanceof Y.ContentType
				? { kind: 'type', type: item.content.type }
				: DROPPED;
		}
		const index = lookup.holding(parent);
		if (index === undefined) return WAITING;
		const made = structs[index];
		return made instanceof Y.Item && made.content instanceof Y.ContentType
			? { kind: 'new-type', index }
			: DROPPED;
	};

	const found = new Map<number, ItemParent>();
	return (start: number): ItemParent => {
		const path = new Set<number>();
		let index = start;
		let answer = WAITING;
		for (;;) {
			const known = found.get(index);
			if (known !== undefined) {
				answer = known;
				break;
			}
			// A cycle of neighbours never integrates.
			if (path.has(index)) break;
			path.add(index);
			const next = step(structs[index]!);
			if (!('next' in next)) {
				answer = next;
				break;
			}
			index = next.next;
		}
		for (const visited of path) found.set(visited, answer);
		return answer;
	};
}
