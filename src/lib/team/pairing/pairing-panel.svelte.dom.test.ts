// In the browser build of Svelte, as the page runs it: `unsaved` is a `$derived` there, worked out
// again only when what it read changes, so a save that does not tell it would leave it stale.
import { afterEach, expect, test, vi } from 'vitest';
import { PairingPanel } from './pairing-panel.svelte';

/** The server's answer to a saved card: its id and the space's view. */
const saved = () =>
	new Response(JSON.stringify({ cardId: 'c'.repeat(16), view: { cadence: 'none', cards: [] } }), {
		status: 200,
		headers: { 'content-type': 'application/json' }
	});

afterEach(() => {
	vi.unstubAllGlobals();
	// A saved card is remembered in the browser, and the next panel would open with it.
	localStorage.clear();
});

test('a changed card or private list is unsaved work until it is saved; changing it back is not', async () => {
	const panel = new PairingPanel('team-1', 'k'.repeat(43), 'Europe/Berlin');
	expect(panel.unsaved).toBe(false);
	panel.draft.name = 'Ana';
	expect(panel.unsaved).toBe(true);
	panel.draft.name = '';
	expect(panel.unsaved).toBe(false);
	panel.avoid = ['card-2'];
	expect(panel.unsaved).toBe(true);
	panel.avoid = [];
	panel.draft.strengths = PairingPanel.toggled(panel.draft.strengths, 'listening', true);
	expect(panel.unsaved).toBe(true);
	// A save that gets no answer keeps it unsaved; one the server takes ends it.
	vi.stubGlobal('fetch', async () => new Response(null, { status: 503 }));
	await panel.save();
	expect(panel.unsaved).toBe(true);
	vi.stubGlobal('fetch', async () => saved());
	await panel.save();
	expect(panel.unsaved).toBe(false);
});

test('what is changed while a save is on its way stays unsaved; the card as sent is saved', async () => {
	const panel = new PairingPanel('team-1', 'k'.repeat(43), 'Europe/Berlin');
	const answer = Promise.withResolvers<Response>();
	vi.stubGlobal('fetch', () => answer.promise);
	panel.draft.name = 'Ana';
	const saving = panel.save();
	panel.draft.name = 'Ana Lima';
	expect(panel.unsaved).toBe(true);
	answer.resolve(saved());
	await saving;
	expect(panel.unsaved).toBe(true);
	panel.draft.name = 'Ana';
	expect(panel.unsaved).toBe(false);
});
