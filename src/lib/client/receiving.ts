import type * as Y from 'yjs';
import { RECEIVING_ITEMS, receivingMapName, type ReceivingItem } from '../protocol/room-content';
import { yReadable } from './y-readable.svelte';

/**
 * The items ticked in a receiving checklist map. Only `true` counts: anything else a peer may
 * have written reads as not ticked.
 */
export function tickedItems(map: Y.Map<unknown>): ReadonlySet<ReceivingItem> {
	return new Set(RECEIVING_ITEMS.filter((item) => map.get(item) === true));
}

/** One round's receiving checklist in the room document (docs/document-schema.md). */
export class ReceivingDoc {
	readonly #map: Y.Map<unknown>;

	constructor(doc: Y.Doc, key: string) {
		this.#map = doc.getMap(receivingMapName(key));
	}

	/** The ticked items, kept current as anyone ticks one; read it in a template or effect. */
	live(): { readonly current: ReadonlySet<ReceivingItem> } {
		return yReadable(this.#map, () => tickedItems(this.#map));
	}

	/** Ticks an item, or takes the tick back. */
	tick(item: ReceivingItem, ticked: boolean): void {
		this.#map.set(item, ticked);
	}
}
