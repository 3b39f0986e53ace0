import type * as Y from 'yjs';
import { RECEIVING_ITEMS, type ReceivingItem } from '../protocol/room-content';

/**
 * The items ticked in a receiving checklist map. Only `true` counts: anything else a peer may
 * have written reads as not ticked.
 */
export function tickedItems(map: Y.Map<unknown>): ReadonlySet<ReceivingItem> {
	return new Set(RECEIVING_ITEMS.filter((item) => map.get(item) === true));
}
