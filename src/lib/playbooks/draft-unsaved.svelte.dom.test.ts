import { expect, test } from 'vitest';
import { findBuiltInPlaybook } from './library';
import { PlaybookDraft } from './draft.svelte';

test('a playbook draft is unsaved work once it differs from how it started, and not after going back', () => {
	const blank = new PlaybookDraft(undefined, 'Grace');
	expect(blank.unsaved).toBe(false);
	blank.value.title = 'Stand-up';
	expect(blank.unsaved).toBe(true);
	blank.value.title = '';
	expect(blank.unsaved).toBe(false);

	const copy = PlaybookDraft.copyOf(findBuiltInPlaybook('five-minute-win')!, 'Grace', 'en');
	expect(copy.unsaved).toBe(false);
	copy.addPhase();
	expect(copy.unsaved).toBe(true);
});
