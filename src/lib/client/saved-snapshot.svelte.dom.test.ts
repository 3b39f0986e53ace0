import { flushSync } from 'svelte';
import { expect, test } from 'vitest';
import { SavedSnapshot } from './saved-snapshot.svelte';

/** A form's value as components keep it: state edited in place, or replaced as a whole. */
class Form {
	value = $state({ name: '', days: [1, 2] });
	readonly snapshot = new SavedSnapshot(() => this.value);
}

test('a value is saved as it starts, unsaved once changed in place, and saved again when changed back', () => {
	const form = new Form();
	expect(form.snapshot.unsaved).toBe(false);
	form.value.name = 'Ana';
	expect(form.snapshot.unsaved).toBe(true);
	form.value.name = '';
	expect(form.snapshot.unsaved).toBe(false);
	form.value.days.push(3);
	expect(form.snapshot.unsaved).toBe(true);
	form.value = { name: '', days: [1, 2] };
	expect(form.snapshot.unsaved).toBe(false);
});

test('marking the value saved makes it the one changes are measured from', () => {
	const form = new Form();
	form.value.name = 'Ana';
	form.snapshot.markSaved();
	expect(form.snapshot.unsaved).toBe(false);
	form.value.name = '';
	expect(form.snapshot.unsaved).toBe(true);
});

test('a save of an earlier value leaves what changed since unsaved', () => {
	const form = new Form();
	form.value.name = 'Ana Lima';
	form.snapshot.markSaved({ name: 'Ana', days: [1, 2] });
	expect(form.snapshot.unsaved).toBe(true);
	form.value.name = 'Ana';
	expect(form.snapshot.unsaved).toBe(false);
});

test('a page that shows the flag follows it as the value changes and is saved', () => {
	const form = new Form();
	const shown: boolean[] = [];
	const stop = $effect.root(() => {
		$effect(() => void shown.push(form.snapshot.unsaved));
	});
	flushSync();
	form.value.days[0] = 7;
	flushSync();
	form.snapshot.markSaved();
	flushSync();
	stop();
	expect(shown).toEqual([false, true, false]);
});
