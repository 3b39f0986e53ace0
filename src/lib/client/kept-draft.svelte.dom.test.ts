import { afterEach, expect, test, vi } from 'vitest';
import { roomToolKey } from './identity';
import { KeptDraft } from './kept-draft.svelte';
import { storage } from './local-storage.fixture';

afterEach(() => vi.unstubAllGlobals());

const keyIn = (step: string) =>
	roomToolKey('room-a-id-of-22-charact', `script-line:ana-0001:${step}`);
const key = keyIn('role-play@round-1');

test('what is typed comes back after a reload with its role, and an emptied draft leaves nothing stored', () => {
	const stored = storage({});
	const typing = new KeptDraft(() => key);
	typing.line = { roleId: 'client', text: 'I hear that the deadline worries you.' };
	// The page again, after the language switcher's reload.
	const reloaded = new KeptDraft(() => key);
	expect(reloaded.line).toEqual({
		roleId: 'client',
		text: 'I hear that the deadline worries you.'
	});
	reloaded.line = { roleId: 'client', text: '' };
	expect(stored.has(key)).toBe(false);
	expect(new KeptDraft(() => key).line).toEqual({ roleId: '', text: '' });
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
	let step = $state('role-play@round-1');
	const typing = new KeptDraft(() => {
		void linesInScript;
		return keyIn(step);
	});
	typing.line = { roleId: '', text: 'So what matters most' };
	linesInScript += 1;
	expect(typing.line.text).toBe('So what matters most');
	// A later round is another draft: the line left unsent does not come back there.
	step = 'role-play@round-2';
	expect(typing.line.text).toBe('');
});

test('a line left unsent in one step stays there: the next step starts empty and the first keeps it', () => {
	storage({});
	let step = $state('role-play@round-1');
	const typing = new KeptDraft(() => keyIn(step));
	typing.line = { roleId: 'coach', text: 'Left unsent' };
	step = 'debrief@round-1';
	expect(typing.line).toEqual({ roleId: '', text: '' });
	step = 'role-play@round-1';
	expect(typing.line).toEqual({ roleId: 'coach', text: 'Left unsent' });
});
