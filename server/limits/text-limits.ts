import * as Y from 'yjs';
import { assertNever } from '../../src/lib/assert-never';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import type { ClientUpdate } from '../yjs/client-update';
import type { DecodedUpdate } from '../yjs/update-index';
import type { DeleteRanges } from '../yjs/update-writer';
import { listLength } from './list-lengths';
import {
	MAX_JSON_VALUE_CHARACTERS,
	MAX_NOTES_CHARACTERS,
	MAX_TEXT_FIELD_CHARACTERS
} from '../../src/lib/protocol/room-content';

/** Why an update would make a text or a value too long (protocol L4); sizes only, no content. */
export type TextBreach =
	| { kind: 'text'; length: number; limit: number }
	| { kind: 'value'; characters: number; limit: number };

/** The text an update writes into one type, and what it deletes there. */
interface Tally {
	limit: number;
	/** Its length before the update. */
	current: number;
	added: number;
	removed: number;
}

/** The length of a type's list: `listLength`, or a document's `ListLengths`, which remembers. */
type LengthOf = <Event>(type: Y.AbstractType<Event>) => number;

/** Where new text goes: a type (existing, or made by the same update) with its limit. */
interface Target {
	key: unknown;
	limit: number;
	current: number;
}

/** Characters of the text items among the structs that wait for missing ones. */
function waitingText(doc: Y.Doc): number {
	const waiting = doc.store.pendingStructs;
	if (!waiting) return 0;
	// Yjs keeps waiting structs in its V2 encoding.
	return Y.decodeUpdateV2(waiting.update).structs.reduce(
		(total, struct) =>
			struct instanceof Y.Item && struct.content instanceof Y.ContentString
				? total + struct.length
				: total,
		0
	);
}

/** Characters of a plain JSON value: its strings and keys (bytes of binary). */
export function valueCharacters(value: unknown): number {
	let total = 0;
	// A stack, not recursion: a value may nest as deep as the frame allows.
	const pending: unknown[] = [value];
	while (pending.length > 0) {
		const next = pending.pop();
		if (typeof next === 'string') total += next.length;
		else if (next instanceof Uint8Array) total += next.byteLength;
		else if (Array.isArray(next)) for (const item of next) pending.push(item);
		else if (typeof next === 'object' && next !== null) {
			for (const [key, item] of Object.entries(next)) {
				total += key.length;
				pending.push(item);
			}
		}
	}
	return total;
}

/** The largest single value an item's content holds, in characters; 0 for text and types. */
function largestValue(content: Y.Item['content']): number {
	if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
		return content.arr.reduce(
			(largest: number, value: unknown) => Math.max(largest, valueCharacters(value)),
			0
		);
	}
	if (content instanceof Y.ContentEmbed) return valueCharacters(content.embed);
	if (content instanceof Y.ContentFormat)
		return content.key.length + valueCharacters(content.value);
	if (content instanceof Y.ContentBinary) return content.content.byteLength;
	return 0;
}

/** Sorted, non-overlapping ranges: a delete set from a client may repeat or overlap itself. */
function merged(ranges: DeleteRanges): DeleteRanges {
	const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
	const out: DeleteRanges = [];
	for (const { clock, len } of sorted) {
		const last = out.at(-1);
		if (last && clock <= last.clock + last.len) {
			last.len = Math.max(last.len, clock + len - last.clock);
		} else out.push({ clock, len });
	}
	return out;
}

/** How much of [from, to) the ranges cover. */
function covered(ranges: DeleteRanges, from: number, to: number): number {
	let total = 0;
	for (const { clock, len } of ranges) {
		total += Math.max(0, Math.min(to, clock + len) - Math.max(from, clock));
	}
	return total;
}

/**
 * Finds, for each new text item of an update, the text it goes into (ClientUpdate.parentOf, as
 * Yjs will find it), with its limit and length now.
 */
function targetFinder(doc: Y.Doc, update: ClientUpdate, lengthOf: LengthOf) {
	let unresolved: Target | undefined;
	/**
	 * Text whose type cannot be told: its items wait for structs the server has not seen. It
	 * counts together with the text already waiting, so text cannot pile up there unmeasured.
	 */
	const unresolvedText = (): Target =>
		(unresolved ??= {
			key: 'unresolved',
			limit: MAX_TEXT_FIELD_CHARACTERS,
			current: waitingText(doc)
		});
	const notes: unknown = doc.share.get(NOTES_TEXT);
	const typeTarget = <Event>(type: Y.AbstractType<Event>): Target => ({
		key: type,
		limit: type === notes ? MAX_NOTES_CHARACTERS : MAX_TEXT_FIELD_CHARACTERS,
		current: lengthOf(type)
	});
	const rootTarget = (name: string): Target => {
		const existing = doc.share.get(name);
		if (existing) return typeTarget(existing);
		const limit = name === NOTES_TEXT ? MAX_NOTES_CHARACTERS : MAX_TEXT_FIELD_CHARACTERS;
		return { key: `root:${name}`, limit, current: 0 };
	};
	return (index: number): Target | undefined => {
		const parent = update.parentOf(index);
		switch (parent.kind) {
			case 'type':
				return typeTarget(parent.type);
			case 'root':
				return rootTarget(parent.name);
			case 'new-type': {
				const { client, clock } = update.decoded.structs[parent.index]!.id;
				return { key: `new:${client}:${clock}`, limit: MAX_TEXT_FIELD_CHARACTERS, current: 0 };
			}
			case 'dropped':
				return undefined;
			case 'waiting':
				return unresolvedText();
			default:
				return assertNever(parent);
		}
	};
}

/** Lowers each tally by the live items of its type that the update deletes. */
function subtractDeletions(
	doc: Y.Doc,
	deletions: DecodedUpdate['ds'],
	tallies: Map<unknown, Tally>
) {
	for (const [client, ranges] of deletions.clients) {
		const structs = doc.store.clients.get(client);
		if (!structs) continue;
		const known = Y.getState(doc.store, client);
		for (const { clock, len } of merged(ranges)) {
			const end = Math.min(clock + len, known);
			if (clock >= end) continue;
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= end) break;
				if (!(struct instanceof Y.Item) || struct.deleted || !struct.countable) continue;
				const tally = struct.parentSub === null ? tallies.get(struct.parent) : undefined;
				if (tally) {
					const itemEnd = struct.id.clock + struct.length;
					tally.removed += Math.min(end, itemEnd) - Math.max(clock, struct.id.clock);
				}
			}
		}
	}
}

/**
 * Checks, before it is applied, whether a client's update would make a shared text longer than
 * its limit (notes, or any other field) or bring a single JSON value over
 * MAX_JSON_VALUE_CHARACTERS (protocol L4). Text is measured as Yjs will count it: the type's
 * length, plus the new characters the update does not delete itself, minus the characters it
 * deletes there. Text whose type cannot be told yet (it waits for other structs) counts against
 * the field limit, together with the text already waiting. An update that only shortens a text is never refused.
 */
export function textBreach(
	update: ClientUpdate,
	doc: Y.Doc,
	lengthOf: LengthOf = listLength
): TextBreach | undefined {
	const targetOf = targetFinder(doc, update, lengthOf);
	const { structs, ds } = update.decoded;
	const ownDeletions = new Map<number, DeleteRanges>();
	const tallies = new Map<unknown, Tally>();
	for (const [index, struct] of structs.entries()) {
		if (!(struct instanceof Y.Item)) continue;
		const { client, clock } = struct.id;
		const from = Math.max(clock, Y.getState(doc.store, client));
		const to = clock + struct.length;
		if (from >= to) continue;
		if (!(struct.content instanceof Y.ContentString)) {
			const characters = largestValue(struct.content);
			if (characters > MAX_JSON_VALUE_CHARACTERS) {
				return { kind: 'value', characters, limit: MAX_JSON_VALUE_CHARACTERS };
			}
			continue;
		}
		let deleted = ownDeletions.get(client);
		if (!deleted) ownDeletions.set(client, (deleted = merged(ds.clients.get(client) ?? [])));
		const added = to - from - covered(deleted, from, to);
		const target = added > 0 ? targetOf(index) : undefined;
		if (!target) continue;
		const { limit, current } = target;
		const tally = tallies.get(target.key) ?? { limit, current, added: 0, removed: 0 };
		tally.added += added;
		tallies.set(target.key, tally);
	}
	if (tallies.size === 0) return undefined;
	subtractDeletions(doc, ds, tallies);
	for (const { current, added, removed, limit } of tallies.values()) {
		const length = current + added - removed;
		if (length > limit) return { kind: 'text', length, limit };
	}
	return undefined;
}
