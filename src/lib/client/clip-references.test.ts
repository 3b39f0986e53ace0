import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLIPS_MAP, clipSlotKey, type ClipRef } from '../protocol/clips';
import { scriptLinesName } from '../protocol/room-content';
import { clipReferenced } from './clip-references';
import { ClipsDoc } from './clips-doc';

const ref = (clipId: string): ClipRef => ({
	clipId,
	participantId: 'ana-0001',
	phaseId: 'script',
	type: 'audio/webm',
	durationMs: 5_000,
	at: 1_700_000_000_000
});
const A = 'A'.repeat(22);
const B = 'B'.repeat(22);

/** A peer's script line said by voice, as it arrives in the document. */
function voiceLine(doc: Y.Doc, round: string, voice: ClipRef) {
	const line = { id: 'l1', takeId: 'main', roleId: 'ana', text: '', starred: false, shift: '' };
	doc
		.getArray(scriptLinesName(round))
		.push([new Y.Map<unknown>(Object.entries({ ...line, voice }))]);
}

test('a clip is referenced by a clips slot under any key, or by a script line in any round', () => {
	const doc = new Y.Doc();
	expect(clipReferenced(doc, A)).toBe(false);
	doc.getMap(CLIPS_MAP).set('anything', ref(A));
	expect(clipReferenced(doc, A)).toBe(true);
	expect(clipReferenced(doc, B)).toBe(false);
	voiceLine(doc, 'round-3', ref(B));
	expect(clipReferenced(doc, B)).toBe(true);
});

test('a script line that arrived from a peer counts before anyone opened its round', () => {
	const peer = new Y.Doc();
	voiceLine(peer, 'round-2', ref(A));
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
	expect(clipReferenced(doc, A)).toBe(true);
});

test('a crafted slot naming a role-play clip does not get that clip deleted when replaced', () => {
	const doc = new Y.Doc();
	voiceLine(doc, 'round-1', ref(A));
	// Someone wrote Ana's role-play clip into her story slot; her next story take replaces it.
	doc.getMap(CLIPS_MAP).set(clipSlotKey('story', 1, 'ana-0001'), ref(A));
	expect(new ClipsDoc(doc).save('story', 1, ref(B))).toEqual({});
});

test('a replaced take also named in another slot is kept', () => {
	const doc = new Y.Doc();
	const clips = new ClipsDoc(doc);
	clips.save('story', 1, ref(A));
	clips.save('feedback', 1, ref(A));
	expect(clips.save('story', 1, ref(B))).toEqual({});
});

test('removing a slot that names a clip a script line plays leaves that clip on the server', () => {
	const doc = new Y.Doc();
	voiceLine(doc, 'round-1', ref(A));
	doc.getMap(CLIPS_MAP).set(clipSlotKey('story', 1, 'ana-0001'), ref(A));
	const clips = new ClipsDoc(doc);
	expect(clips.remove('story', 1, 'ana-0001')).toBeUndefined();
	clips.save('story', 1, ref(B));
	expect(clips.remove('story', 1, 'ana-0001')).toEqual(ref(B));
});
