import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { writeUpdate } from './update-writer';

/** Reads an update with Yjs and writes it again. */
const rewritten = (update: Uint8Array) => {
	const { structs, ds } = Y.decodeUpdate(update);
	return writeUpdate(structs, ds.clients);
};

describe('the update writer', () => {
	test('writes a Yjs update read back byte for byte: every kind of content, two clients, deletions', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.getText('notes').insert(0, 'hello world', { bold: true });
		a.getMap('m').set('any', { nested: [1, 'two', null] });
		a.getMap('m').set('bytes', new Uint8Array([1, 2, 3]));
		a.getArray('list').push([new Y.Map([['k', 'v']]), new Y.Text('inner')]);
		a.getXmlFragment('xml').push([new Y.XmlElement('p')]);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		b.getText('notes').insert(5, ',');
		b.getText('notes').delete(0, 2);
		b.getArray('list').insert(0, ['gone']);
		b.getArray('list').delete(0, 1);
		a.getMap('m').delete('any');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		const update = Y.encodeStateAsUpdate(a);
		expect(Y.decodeUpdate(update).ds.clients.size).toBe(2);
		expect(rewritten(update)).toEqual(update);
	});

	test('writes an update that is a slice of a document: from a state vector on', () => {
		const doc = new Y.Doc();
		doc.getText('notes').insert(0, 'one');
		const before = Y.encodeStateVector(doc);
		doc.getText('notes').insert(3, ' two');
		const update = Y.encodeStateAsUpdate(doc, before);
		expect(rewritten(update)).toEqual(update);
	});
});
