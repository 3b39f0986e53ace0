import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openIndexedDbJournal } from './indexeddb-journal';
import { ReflectionDraft } from './reflection-draft.svelte';

test('a reflection counts as unsaved work once anything is typed or chosen, and not once it is in the journal', async () => {
	const draft = new ReflectionDraft(() => null, 'listening');
	expect(draft.unsaved).toBe(false);
	draft.values.context = '   ';
	expect(draft.unsaved).toBe(false);
	draft.values.context = 'The Monday stand-up';
	expect(draft.unsaved).toBe(true);
	draft.values.context = '';
	draft.values.skill = 'feedback';
	expect(draft.unsaved).toBe(true);
	draft.values.skill = 'listening';
	draft.values.confidence = 3;
	expect(draft.unsaved).toBe(true);

	draft.values.context = 'The Monday stand-up';
	draft.values.action = 'I asked before advising.';
	draft.values.result = 'Sam finished the story.';
	expect(await draft.save(openIndexedDbJournal('reflection-draft-test'), Date.now())).toBe(true);
	expect(draft.unsaved).toBe(false);
});
