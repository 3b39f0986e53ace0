import * as Y from 'yjs';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import {
	COMMITMENTS_MAP,
	OBSERVATIONS_ARRAY,
	SCHEDULE_MAP
} from '../../src/lib/protocol/room-content';
import type { Random } from './random';
import { randomJson, randomString, type Json } from './values';

/** Varint bytes that all promise a next byte, then stop. */
export const openVarint = (random: Random) =>
	Array.from({ length: random.int(1, 9) }, () => 0x80 | random.int(0, 0x7f));

/** A document whose client id comes from the seed, so its updates do too. */
export function fuzzDoc(random: Random): Y.Doc {
	const doc = new Y.Doc();
	doc.clientID = random.uint32();
	return doc;
}

/** Applies `edit` to a copy of the room (`base`) and answers the update it produced. */
export function editUpdate(
	random: Random,
	base: Uint8Array,
	edit: (doc: Y.Doc) => void
): Uint8Array {
	const doc = fuzzDoc(random);
	Y.applyUpdate(doc, base);
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	edit(doc);
	doc.destroy();
	return Y.mergeUpdates(updates);
}

/**
 * A random JSON value that Yjs takes: it tells value types by their `constructor`, so an object
 * whose own `constructor` key hides it goes in wrapped in an array.
 */
function storable(random: Random, depth: number): Json {
	const value = randomJson(random, depth);
	return value !== null && typeof value === 'object' && Object.hasOwn(value, 'constructor')
		? [value]
		: value;
}

/** A write to the control map only: new keys, overwrites, deletions, nested types (rule Y3). */
export function writeControl(random: Random, doc: Y.Doc): void {
	const control = doc.getMap(CONTROL_MAP);
	const keys = [...control.keys()];
	for (let i = random.int(1, 4); i > 0; i--) {
		const key =
			keys.length > 0 && random.chance(0.6) ? random.pick(keys) : randomString(random, 12);
		switch (random.int(0, 4)) {
			case 0:
				control.delete(key);
				break;
			case 1: {
				const nested = new Y.Map<unknown>();
				control.set(key, nested);
				nested.set(randomString(random, 8), storable(random, 2));
				break;
			}
			case 2: {
				const text = new Y.Text();
				control.set(key, text);
				text.insert(0, randomString(random));
				break;
			}
			default:
				control.set(key, storable(random, 3));
		}
	}
}

/** A write to the room's content: notes, the tool maps and arrays, or a new root type. */
export function writeContent(random: Random, doc: Y.Doc): void {
	for (let i = random.int(1, 5); i > 0; i--) {
		switch (random.int(0, 4)) {
			case 0: {
				const notes = doc.getText(NOTES_TEXT);
				notes.insert(random.int(0, notes.length), randomString(random));
				if (notes.length > 0 && random.chance(0.3)) notes.delete(0, random.int(1, notes.length));
				break;
			}
			case 1:
				doc
					.getMap(random.pick([SCHEDULE_MAP, COMMITMENTS_MAP]))
					.set(randomString(random, 12), storable(random, 3));
				break;
			case 2:
				doc.getArray(OBSERVATIONS_ARRAY).push([storable(random, 2)]);
				break;
			case 3: {
				const nested = new Y.Map<unknown>();
				doc.getMap(randomString(random, 12)).set(randomString(random, 8), nested);
				nested.set('text', new Y.Text(randomString(random)));
				break;
			}
			default:
				writeControl(random, doc);
		}
	}
}

/** Byte-level damage: flips, insertions, deletions, duplicated runs, truncation, open varints. */
export function mutateBytes(random: Random, bytes: Uint8Array): Uint8Array {
	const out = [...bytes];
	for (let i = random.int(1, 4); i > 0; i--) {
		const at = random.int(0, out.length);
		switch (random.int(0, 6)) {
			case 0:
				if (at < out.length) out[at]! ^= 1 << random.int(0, 7);
				break;
			case 1:
				if (at < out.length) out[at] = random.pick([0, 0x7f, 0x80, 0xff, random.int(0, 255)]);
				break;
			case 2:
				out.splice(at, 0, ...random.bytes(random.int(1, 8)));
				break;
			case 3:
				out.splice(at, random.int(1, 8));
				break;
			case 4: {
				const run = out.slice(at, at + random.int(1, 16));
				out.splice(random.int(0, out.length), 0, ...run);
				break;
			}
			case 5:
				out.length = Math.min(out.length, at);
				break;
			default:
				out.splice(at, 0, ...openVarint(random));
		}
	}
	return Uint8Array.from(out);
}
