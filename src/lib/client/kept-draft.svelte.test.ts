import { afterEach, expect, test, vi } from 'vitest';
import { roomToolKey } from './identity';
import { KeptDraft } from './kept-draft.svelte';
import { storage } from './local-storage.fixture';

afterEach(() => vi.unstubAllGlobals());

const key = roomToolKey('room-a-id-of-22-charact', 'script-line:ana-0001');

test('what is typed comes back after a reload, and an emptied draft leaves nothing stored', () => {
	const stored = storage({});
	const typing = new KeptDraft(() => key);
	typing.text = 'I hear that the deadline worries you.';
	// The page again, after the language switcher's reload.
	const reloaded = new KeptDraft(() => key);
	expect(reloaded.text).toBe('I hear that the deadline worries you.');
	reloaded.text = '';
	expect(stored.has(key)).toBe(false);
	expect(new KeptDraft(() => key).text).toBe('');
});
