import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessEntry } from './awareness-check';

/** A state as y-protocols types it (any JSON value at run time). */
type AwarenessState = Parameters<Awareness['setLocalState']>[0];

/**
 * Applies parsed awareness entries to `awareness` exactly as y-protocols' `applyAwarenessUpdate`
 * applies an encoded update (the same clocks and states, the same `change` and `update`
 * events), through the Awareness's public `states` and `meta` maps. The server has read and
 * parsed every entry to check it (awarenessEntries): decoding and parsing the update again
 * would double that part of each cursor move's cost (issue 15).
 */
export function applyAwarenessEntries(
	awareness: Awareness,
	entries: readonly Pick<AwarenessEntry, 'clientId' | 'clock' | 'state'>[],
	origin: unknown,
	now = Date.now()
): void {
	const added: number[] = [];
	const updated: number[] = [];
	const changed: number[] = [];
	const removed: number[] = [];
	for (const { clientId, clock: sent, state } of entries) {
		let clock = sent;
		const meta = awareness.meta.get(clientId);
		const previous = awareness.states.get(clientId);
		const current = meta === undefined ? 0 : meta.clock;
		const newer = current < clock;
		const removal = current === clock && state === null && awareness.states.has(clientId);
		if (!newer && !removal) continue;
		if (state === null) {
			// As y-protocols: nobody removes the local state; its clock moves on so it is sent again.
			if (clientId === awareness.clientID && awareness.getLocalState() !== null) clock++;
			else awareness.states.delete(clientId);
		} else {
			// reason: any JSON value, stored as y-protocols stores what it parses
			awareness.states.set(clientId, state as NonNullable<AwarenessState>);
		}
		awareness.meta.set(clientId, { clock, lastUpdated: now });
		if (meta === undefined && state !== null) added.push(clientId);
		else if (meta !== undefined && state === null) removed.push(clientId);
		else if (state !== null) {
			if (!equalityDeep(state, previous)) changed.push(clientId);
			updated.push(clientId);
		}
	}
	if (added.length > 0 || changed.length > 0 || removed.length > 0) {
		awareness.emit('change', [{ added, updated: changed, removed }, origin]);
	}
	if (added.length > 0 || updated.length > 0 || removed.length > 0) {
		awareness.emit('update', [{ added, updated, removed }, origin]);
	}
}
