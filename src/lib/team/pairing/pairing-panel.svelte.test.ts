import { afterEach, expect, test, vi } from 'vitest';
import { overwriteGetLocale } from '../../paraglide/runtime';
import { PairingPanel } from './pairing-panel.svelte';

/** The server's refusal of a card, in its English, as the API answers it. */
const refusal = (problems: string[]) =>
	new Response(
		JSON.stringify({
			error: 'The request is not a valid pairing card.',
			code: 'invalid_request',
			problems
		}),
		{ status: 400, headers: { 'content-type': 'application/json' } }
	);

afterEach(() => {
	vi.unstubAllGlobals();
	overwriteGetLocale(() => 'en');
});

test('a card the server refuses lists its problems in the person’s language, from the shared schema', async () => {
	vi.stubGlobal('fetch', async () => refusal(['card.name: must not be empty']));
	overwriteGetLocale(() => 'de');
	const panel = new PairingPanel('team-1', 'k'.repeat(43), 'Europe/Berlin');
	await panel.save();
	expect(panel.problems).toEqual(['card.name: darf nicht leer sein']);
	expect(panel.problem).toBe(
		'Der Server hat die Anfrage nicht verstanden. Lade die Seite neu und versuch es noch einmal.'
	);
});

test('problems only the server finds stay its own', async () => {
	vi.stubGlobal('fetch', async () => refusal(['card: only the server knows']));
	const panel = new PairingPanel('team-1', 'k'.repeat(43), 'Europe/Berlin');
	panel.draft.name = 'Ana';
	await panel.save();
	expect(panel.problems).toEqual(['card: only the server knows']);
});
