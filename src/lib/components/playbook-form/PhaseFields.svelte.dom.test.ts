import { flushSync, mount, unmount } from 'svelte';
import { afterEach, expect, test } from 'vitest';
import { activeListeningSprint } from '$lib/playbooks/built-in/active-listening-sprint';
import { PlaybookDraft } from '$lib/playbooks/draft.svelte';
import { playbookSchema } from '$lib/protocol/playbook';
import { fieldId } from '../field-ids';
import PhaseFields from './PhaseFields.svelte';

let fields: ReturnType<typeof mount> | undefined;

afterEach(() => {
	if (fields) void unmount(fields);
	fields = undefined;
});

test('a copied stored playbook with a role named constructor shows its blank instruction blank', () => {
	// The sprint read leniently from storage, the listener renamed constructor, with no
	// instruction for it in the first phase, where a plain lookup finds Object.prototype's.
	const named = JSON.parse(
		JSON.stringify(activeListeningSprint).replaceAll('"listener"', '"constructor"')
	);
	const stored = playbookSchema.parse(named);
	delete stored.phases[0]!.instructions['constructor'];
	fields = mount(PhaseFields, {
		target: document.body,
		props: { draft: new PlaybookDraft(stored), index: 0, problems: () => [] }
	});
	flushSync();
	const field = document.getElementById(fieldId('phases[0].instructions.constructor'));
	expect(field).toBeInstanceOf(HTMLTextAreaElement);
	expect((field as HTMLTextAreaElement).value).toBe('');
});
