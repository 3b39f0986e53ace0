import { expect, test } from 'vitest';
import * as Y from 'yjs';
import type { ClipUploadReply } from '../protocol/clips';
import { MAX_VOICE_LINES } from '../protocol/room-content';
import { scriptLineKey } from './kept-draft.svelte';
import { ScriptDoc } from './script-doc';
import { ScriptView } from './script-view.svelte';

const reply = (n: number): ClipUploadReply => ({
	clipId: n.toString().padStart(22, 'A'),
	path: '/clip',
	type: 'audio/webm',
	bytes: 100,
	durationMs: 1_000
});
const owner = { participantId: 'ana-0001', phaseId: 'play' };

test('[A24] a recorded line the script refuses is said by the recorder, not in the status at the top', () => {
	const script = new ScriptDoc(new Y.Doc(), 'round-1');
	const view = new ScriptView('s', () => ({
		script,
		roles: [{ id: 'practitioner', name: 'Practitioner', brief: '' }],
		myRoleId: 'practitioner',
		onpause: () => {},
		now: () => 1_700_000_000_000,
		draftKey: scriptLineKey('room', 'ana-0001', 'role-play', 'round-1')
	}));
	for (let n = 0; n < MAX_VOICE_LINES; n++) expect(view.addVoiceLine(reply(n), owner)).toBe(true);
	expect(view.addVoiceLine(reply(99), owner)).toBe(false);
	expect(view.voiceProblem).toMatch(/^You have recorded \d+ lines/);
	expect(view.status).toBe('');
	// The next line it takes clears the message.
	expect(view.addVoiceLine(reply(99), { ...owner, participantId: 'bo-00001' })).toBe(true);
	expect(view.voiceProblem).toBe('');
});
