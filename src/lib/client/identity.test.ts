import { afterEach, expect, test, vi } from 'vitest';
import { forgetRoom, forgetRoomTools, roomToolKey } from './identity';
import { scriptLineKey } from './kept-draft.svelte';
import { storage } from './local-storage.fixture';

const ROOM = 'erased-room-id-of-22-ch';
const OTHER = 'other-room-id-of-22-cha';

afterEach(() => vi.unstubAllGlobals());

/** What a browser keeps of two rooms, and of the person. */
const keptHere = () => ({
	'practice-room:name': 'Ana',
	[`practice-room:room:${ROOM}`]: '{}',
	[`practice-room:host-key:${ROOM}`]: 'key',
	[`practice-room:ics:${ROOM}`]: '[]',
	[roomToolKey(ROOM, 'notepad:p1')]: 'She paused before answering.',
	[roomToolKey(ROOM, 'rating:r1')]: '4',
	[scriptLineKey(ROOM, 'p1', 'role-play', 'round-1')]: '{"roleId":"","text":"So"}',
	[`practice-room:room:${OTHER}`]: '{}',
	[roomToolKey(OTHER, 'notepad:p1')]: 'Other notes'
});

test('[S18] erasing a room forgets everything this browser kept of it, its tools’ notes included', () => {
	const stored = storage(keptHere());
	forgetRoom(ROOM);
	expect([...stored.keys()].sort()).toEqual(
		['practice-room:name', `practice-room:room:${OTHER}`, roomToolKey(OTHER, 'notepad:p1')].sort()
	);
});

test('[S20] a removed person’s browser forgets what the room’s tools kept, not who they were', () => {
	const stored = storage(keptHere());
	forgetRoomTools(ROOM);
	expect(stored.has(roomToolKey(ROOM, 'notepad:p1'))).toBe(false);
	expect(stored.has(roomToolKey(ROOM, 'rating:r1'))).toBe(false);
	expect(stored.has(scriptLineKey(ROOM, 'p1', 'role-play', 'round-1'))).toBe(false);
	expect(stored.has(`practice-room:room:${ROOM}`)).toBe(true);
	expect(stored.has(roomToolKey(OTHER, 'notepad:p1'))).toBe(true);
});
