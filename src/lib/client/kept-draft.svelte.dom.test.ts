import { afterEach, expect, test, vi } from 'vitest';
import { roomToolKey } from './identity';
import { KEPT_LINE, KEPT_TEXT, KeptDraft, scriptLineKey } from './kept-draft.svelte';
import { storage } from './local-storage.fixture';

afterEach(() => vi.unstubAllGlobals());

const ROOM = 'room-a-id-of-22-charact';
const keyIn = (phaseId: string, stepKey: string) =>
	scriptLineKey(ROOM, 'ana-0001', phaseId, stepKey);
const key = keyIn('role-play', 'round-1');

test('what is typed comes back after a reload with its role, and an emptied draft leaves nothing stored', () => {
	const stored = storage({});
	const typing = new KeptDraft(() => key, KEPT_LINE);
	typing.value = { roleId: 'client', text: 'I hear that the deadline worries you.' };
	// The page again, after the language switcher's reload.
	const reloaded = new KeptDraft(() => key, KEPT_LINE);
	expect(reloaded.value).toEqual({
		roleId: 'client',
		text: 'I hear that the deadline worries you.'
	});
	reloaded.value = { roleId: 'client', text: '' };
	expect(stored.has(key)).toBe(false);
	expect(new KeptDraft(() => key, KEPT_LINE).value).toEqual({ roleId: '', text: '' });
});

test('with storage failing, what is typed stays through changes that leave the key as it was', () => {
	vi.stubGlobal('localStorage', {
		getItem: () => {
			throw new Error('storage disabled');
		},
		setItem: () => {
			throw new Error('quota exceeded');
		},
		removeItem: () => {}
	});
	// The key's closure reads more than the key is made of, as the script tool's does.
	let linesInScript = $state(0);
	let step = $state('round-1');
	const typing = new KeptDraft(() => {
		void linesInScript;
		return keyIn('role-play', step);
	}, KEPT_LINE);
	typing.value = { roleId: '', text: 'So what matters most' };
	linesInScript += 1;
	expect(typing.value.text).toBe('So what matters most');
	// A later round is another draft: the line left unsent does not come back there.
	step = 'round-2';
	expect(typing.value.text).toBe('');
});

test('a line left unsent in one step stays there: the next step starts empty and the first keeps it', () => {
	storage({});
	let phase = $state('role-play');
	const typing = new KeptDraft(() => keyIn(phase, 'round-1'), KEPT_LINE);
	typing.value = { roleId: 'coach', text: 'Left unsent' };
	phase = 'debrief';
	expect(typing.value).toEqual({ roleId: '', text: '' });
	phase = 'role-play';
	expect(typing.value).toEqual({ roleId: 'coach', text: 'Left unsent' });
});

test("an observer's notepad is kept as typed, and shared (emptied) leaves nothing stored", () => {
	const notepad = roomToolKey(ROOM, 'notepad:ana-0001');
	// Plain text, as typed: not wrapped in JSON as a script line is.
	const stored = storage({ [notepad]: 'She paused' });
	const typing = new KeptDraft(() => notepad, KEPT_TEXT);
	expect(typing.value).toBe('She paused');
	typing.value = 'She paused before answering.';
	expect(stored.get(notepad)).toBe('She paused before answering.');
	typing.value = '';
	expect(stored.has(notepad)).toBe(false);
	expect(new KeptDraft(() => notepad, KEPT_TEXT).value).toBe('');
});
