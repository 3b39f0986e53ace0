import { flushSync, tick } from 'svelte';
import { expect, test } from 'vitest';
import type { CallState } from '../protocol/call-link';
import type { RoomSection } from '../room/room-sections';
import { CallCard } from './call-card.svelte';

const byAna = { url: 'https://meet.example/ana', setBy: 'ana' };

/** The page's card on a phone, in a room whose link and sections the test changes. */
function phonePage() {
	const page = $state<{
		call: CallState | null;
		compact: boolean;
		current: RoomSection;
		/** The rest of the room, which the link is read from. */
		rest: number;
	}>({ call: null, compact: true, current: 'now', rest: 0 });
	let card: CallCard | undefined;
	const stop = $effect.root(() => {
		card = CallCard.create(
			{
				selfId: () => 'me',
				call: () => {
					void page.rest;
					return page.call;
				},
				nameOf: () => 'Ana'
			},
			() => page
		);
	});
	flushSync();
	if (!card) throw new Error('no card');
	return { page, card, stop };
}

test('the open form holds the card in the section it is used in, whatever link arrives', () => {
	const { page, card, stop } = phonePage();
	page.current = 'more';
	card.start(undefined);
	flushSync();
	page.call = byAna;
	flushSync();
	expect(card.at).toBe('more');
	stop();
});

test('a link shared from the form holds the card until the link changes, not the rest of the room', () => {
	const { page, card, stop } = phonePage();
	card.start(undefined);
	card.shared(false);
	page.rest += 1;
	flushSync();
	expect(card.at).toBe('now');
	page.call = byAna;
	flushSync();
	page.call = null;
	flushSync();
	expect(card.at).toBe('more');
	stop();
});

test('what the room said of the card is stale once the screen turns', async () => {
	const { page, card, stop } = phonePage();
	page.call = byAna;
	flushSync();
	card.rebuilt('more');
	await tick();
	expect(card.news.text).not.toBe('');
	page.compact = false;
	flushSync();
	expect(card.news.text).toBe('');
	stop();
});
