import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { Random } from '../../tests/fuzz/random';
import { ListLengths, listLength } from './list-lengths';

/**
 * A client's notes and the server's copy of them: a plain root, as the server never names it.
 * The client keeps deleted text (no GC), so an update can bring text and its deletion at once.
 */
function setup() {
	const client = new Y.Doc({ gc: false });
	const notes = client.getText(NOTES_TEXT);
	const server = new Y.Doc();
	const lengths = new ListLengths(server);
	/** Brings the client's changes to the server, as its updates do. */
	const sync = () =>
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
	return { client, notes, server, lengths, sync };
}

/** Every type of a document: its roots and the types its items hold, deleted ones too. */
function typesOf(doc: Y.Doc): Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>[] {
	const types = [...doc.share.values()];
	for (const structs of doc.store.clients.values()) {
		for (const struct of structs) {
			if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) {
				types.push(struct.content.type);
			}
		}
	}
	return types;
}

/** The live texts of a writer: its notes and the texts nested in its list and map. */
function textsOf(doc: Y.Doc): Y.Text[] {
	const texts = [doc.getText(NOTES_TEXT)];
	for (const structs of doc.store.clients.values()) {
		for (const struct of structs) {
			const content = struct instanceof Y.Item && !struct.deleted ? struct.content : undefined;
			if (content instanceof Y.ContentType && content.type instanceof Y.Text) {
				texts.push(content.type);
			}
		}
	}
	return texts;
}

/** One random edit: text, formatting, embeds, nested texts and arrays made and deleted. */
function edit(random: Random, doc: Y.Doc) {
	const list = doc.getArray<unknown>('list');
	const text = random.pick(textsOf(doc));
	switch (random.int(0, 7)) {
		case 0:
			return text.insert(
				random.int(0, text.length),
				'abc',
				random.chance(0.3) ? { bold: true } : {}
			);
		case 1:
			if (text.length > 0) text.delete(random.int(0, text.length - 1), 1);
			return;
		case 2:
			if (text.length > 1) text.format(random.int(0, text.length - 2), 2, { italic: true });
			return;
		case 3:
			return text.insertEmbed(random.int(0, text.length), { image: 'x' });
		case 4:
			return list.insert(random.int(0, list.length), [new Y.Text('nested')]);
		case 5:
			if (list.length > 0) list.delete(random.int(0, list.length - 1), 1);
			return;
		case 6:
			return doc.getMap<unknown>('map').set(`k${random.int(0, 2)}`, new Y.Text('replaced'));
		default:
			return doc.transact(() => {
				const array = new Y.Array<number>();
				list.insert(0, [array]);
				array.insert(0, [1, 2, 3]);
				array.delete(1, 1);
			});
	}
}

describe('list lengths', () => {
	test('a plain root is as long for the server as the text is for its writer', () => {
		const { notes, server, sync } = setup();
		notes.insert(0, 'hello world');
		notes.delete(0, 6);
		notes.insert(5, '!', { bold: true });
		sync();
		const root = server.share.get(NOTES_TEXT)!;
		expect(root.constructor).toBe(Y.AbstractType);
		expect(listLength(root)).toBe(6);
		expect(listLength(notes)).toBe(6);
	});

	test('a remembered length follows typing, deleting, text made and deleted at once, and a second writer', () => {
		const { client, notes, server, lengths, sync } = setup();
		notes.insert(0, 'start');
		sync();
		const root = server.share.get(NOTES_TEXT)!;
		expect(lengths.of(root)).toBe(5);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
		for (let i = 0; i < 200; i++) {
			const at = (i * 7919) % (notes.length + 1);
			if (i % 3 === 0) notes.delete(Math.min(at, notes.length - 1), 1);
			else notes.insert(at, 'ab');
			if (i % 10 === 0) {
				client.transact(() => {
					notes.insert(0, 'gone');
					notes.delete(0, 4);
				});
			}
			if (i % 25 === 0) {
				other.getText(NOTES_TEXT).insert(0, 'x');
				Y.applyUpdate(server, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
				Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
			}
			sync();
			expect(lengths.of(root)).toBe(listLength(root));
		}
		expect(lengths.of(root)).toBe(notes.length);
	});

	test('a remembered length agrees with a count along the children: nested types, formatting, embeds, deleted parents, updates that wait', () => {
		const random = new Random(15, 5);
		const writers = [new Y.Doc({ gc: false }), new Y.Doc(), new Y.Doc()];
		const updates: Uint8Array[] = [];
		for (const doc of writers) doc.on('update', (update: Uint8Array) => updates.push(update));
		const server = new Y.Doc();
		const lengths = new ListLengths(server);
		let waited = 0;
		for (let round = 0; round < 400; round++) {
			edit(random, random.pick(writers));
			if (random.chance(0.2)) {
				const [to, from] = [random.pick(writers), random.pick(writers)];
				Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
			}
			// Updates reach the server out of order: some wait, and apply with a later one.
			while (updates.length > 0 && random.chance(0.6)) {
				const [update] = updates.splice(random.int(0, Math.min(3, updates.length - 1)), 1);
				Y.applyUpdate(server, update!);
				if (server.store.pendingStructs) waited++;
				for (const type of typesOf(server)) {
					if (random.chance(0.3)) expect(lengths.of(type)).toBe(listLength(type));
				}
			}
		}
		for (const update of updates) Y.applyUpdate(server, update);
		expect(waited).toBeGreaterThan(0);
		expect(server.store.pendingStructs).toBeNull();
		for (const type of typesOf(server)) expect(lengths.of(type)).toBe(listLength(type));
	});
});
