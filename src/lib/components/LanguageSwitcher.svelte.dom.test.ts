import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { heldBackSignal } from '$lib/client/connection-back.fixture';
import { connectionBackContextMap } from '$lib/client/connection-back-context';
import { ConnectionBack } from '$lib/client/connection-back.svelte';
import { m } from '$lib/paraglide/messages';
import { getLocale, locales } from '$lib/paraglide/runtime';
import LanguageSwitcher from './LanguageSwitcher.svelte';

let switcher: ReturnType<typeof mount> | undefined;

/** The switcher as the layout shows it, with `back` above it; answers its note as the header reads it. */
function showSwitcher(back: ConnectionBack): { note: () => string | undefined } {
	// The key is there from the start, as `bind:note` makes it: the switcher writes the note into it.
	const props = $state<{ note?: string }>({ note: undefined });
	switcher = mount(LanguageSwitcher, {
		target: document.body,
		props,
		context: connectionBackContextMap(back)
	});
	flushSync();
	return { note: () => props.note };
}

/** Chooses the first language that is not the page's, as a person does in the select. */
function chooseAnother(): HTMLSelectElement {
	const select = document.body.querySelector('select');
	if (!select) throw new Error('no select');
	select.value = locales.find((locale) => locale !== getLocale()) ?? '';
	select.dispatchEvent(new Event('change', { bubbles: true }));
	return select;
}

beforeEach(() => {
	// Offline: the check answers out of reach without asking the server.
	vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
});

afterEach(() => {
	if (switcher) void unmount(switcher);
	switcher = undefined;
	vi.restoreAllMocks();
});

test('offline, a choice is dropped and the note says so until the server is back, and nothing is applied then', async () => {
	const fallback = heldBackSignal();
	const { note } = showSwitcher(new ConnectionBack(fallback.signal));
	const select = chooseAnother();
	await vi.waitFor(() => expect(note()).toBe(m.language_needs_connection()));
	expect(select.value).toBe(getLocale());
	flushSync();
	expect(fallback.listening.size).toBe(1);

	fallback.back();
	expect(note()).toBeUndefined();
	flushSync();
	// Heard once: the note is gone, and nothing listens any more.
	expect(fallback.listening.size).toBe(0);
	expect(select.value).toBe(getLocale());
});

test('a room page’s connection, given while the note shows, is what clears it', async () => {
	const fallback = heldBackSignal();
	const room = heldBackSignal();
	const back = new ConnectionBack(fallback.signal);
	const { note } = showSwitcher(back);
	chooseAnother();
	await vi.waitFor(() => expect(note()).toBeDefined());
	flushSync();

	back.provide(room.signal);
	flushSync();
	expect([fallback.listening.size, room.listening.size]).toEqual([0, 1]);
	room.back();
	expect(note()).toBeUndefined();
});
