import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLIPS_MAP, clipSlotKey, type ClipRef } from '../protocol/clips';
import { ClipsDoc, readClips } from './clips-doc';

const ref = (participantId: string, clipId = 'A'.repeat(22)): ClipRef => ({
	clipId,
	participantId,
	phaseId: 'paraphrase',
	type: 'audio/webm',
	durationMs: 12_000,
	at: 1_700_000_000_000
});

test('a saved clip is read back in its person’s slot, for its purpose and round only', () => {
	const doc = new Y.Doc();
	const clips = new ClipsDoc(doc);
	expect(clips.save('story', 1, ref('ana-0001'))).toEqual({});
	const map = doc.getMap<unknown>(CLIPS_MAP);
	expect(readClips(map, 'story', 1)).toEqual({ 'ana-0001': ref('ana-0001') });
	expect(readClips(map, 'story', 2)).toEqual({});
	expect(readClips(map, 'feedback', 1)).toEqual({});
});

test('a new take replaces the old one and says which, so its clip can be deleted', () => {
	const clips = new ClipsDoc(new Y.Doc());
	clips.save('story', 1, ref('ana-0001', 'A'.repeat(22)));
	expect(clips.save('story', 1, ref('ana-0001', 'B'.repeat(22)))).toEqual({
		replaced: ref('ana-0001', 'A'.repeat(22))
	});
});

test('a reference that does not parse is not saved', () => {
	const doc = new Y.Doc();
	const clips = new ClipsDoc(doc);
	expect(clips.save('story', 1, { ...ref('ana-0001'), clipId: 'short' })).toBe(false);
	expect(clips.save('story', 1, { ...ref('ana-0001'), durationMs: 10 * 60_000 })).toBe(false);
	expect(doc.getMap(CLIPS_MAP).size).toBe(0);
});

test('entries under another person’s slot or that do not parse are left out', () => {
	const map = new Y.Doc().getMap<unknown>(CLIPS_MAP);
	map.set(clipSlotKey('story', 1, 'bo-000001'), ref('ana-0001'));
	map.set(clipSlotKey('story', 1, 'cy-000001'), { clipId: 42 });
	map.set('story@round-1', ref('ana-0001'));
	expect(readClips(map, 'story', 1)).toEqual({});
});

test('removing a slot takes the clip out', () => {
	const doc = new Y.Doc();
	const clips = new ClipsDoc(doc);
	clips.save('feedback', 2, ref('ana-0001'));
	clips.remove('feedback', 2, 'ana-0001');
	expect(readClips(doc.getMap(CLIPS_MAP), 'feedback', 2)).toEqual({});
});
