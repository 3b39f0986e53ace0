import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { LANDED_MAP, landedKey, paraphraseTextName } from '../protocol/room-content';
import { LandedDoc, readLanded } from './landed-doc';

const phrase = { part: 'needs', text: 'To be asked first.' } as const;

test('[A17] a mark is kept per round and take, and read back; a bad value is left out', () => {
	const doc = new Y.Doc();
	const landed = new LandedDoc(doc);
	expect(landed.mark(1, 1, phrase)).toBe(true);
	expect(landed.mark(1, 2, { part: 'feelings', text: 'Stung.' })).toBe(true);
	doc.getMap(LANDED_MAP).set(landedKey(2, 1), { part: 'hopes', text: 'x' });
	const map = doc.getMap<unknown>(LANDED_MAP);
	expect(readLanded(map, 1)).toEqual({ 1: phrase, 2: { part: 'feelings', text: 'Stung.' } });
	expect(readLanded(map, 2)).toEqual({});
});

test('[A17] marking again replaces the mark; unmarking removes it; an empty phrase is refused', () => {
	const doc = new Y.Doc();
	const landed = new LandedDoc(doc);
	landed.mark(1, 1, phrase);
	landed.mark(1, 1, { part: 'motives', text: 'Seen.' });
	expect(landed.live(1).current).toEqual({ 1: { part: 'motives', text: 'Seen.' } });
	expect(landed.mark(1, 1, { part: 'needs', text: '   ' })).toBe(false);
	landed.unmark(1, 1);
	expect(landed.live(1).current).toEqual({});
});

test('[A17] the choices are the sentences of the round’s paraphrase as written now', () => {
	const doc = new Y.Doc();
	const landed = new LandedDoc(doc);
	const choices = landed.choices(1, 'en');
	expect(choices.current).toEqual([]);
	doc.getText(paraphraseTextName('round-1', 'needs')).insert(0, 'Quiet. Time.');
	doc.getText(paraphraseTextName('round-2', 'needs')).insert(0, 'Other round.');
	expect(choices.current).toEqual([
		{ part: 'needs', text: 'Quiet.' },
		{ part: 'needs', text: 'Time.' }
	]);
});
