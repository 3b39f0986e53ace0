import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { QueuedAction } from '$lib/client/offline-actions';
import ReadyToMoveOn from './ReadyToMoveOn.svelte';
import { control, person, roomContext, text } from './room-controls.fixture';

const show = (isLastStep: boolean, kept: QueuedAction[] = [], watching = false) =>
	render(ReadyToMoveOn, {
		props: { isLastStep, counted: [], watching },
		context: roomContext(control({}), 'ana-0001', [], kept)
	}).body;

describe('ready to move on', () => {
	test('before the last step, the ready button', () => {
		const html = show(false);
		expect(html).toContain('I’m ready to move on');
		expect(html).not.toContain('This is the last step.');
		expect(html).not.toContain('data-kept');
	});

	test('[S21] a mark pressed while cut off shows on the button, and beside it in words the button is described by', () => {
		const ready: QueuedAction = {
			command: { type: 'ready.set', step: 0, ready: true },
			slot: 'ready',
			forStep: true,
			seenStep: 0
		};
		const html = show(false, [ready]);
		// Named as the button reads, in the same words.
		const [, buttonWords] = html.match(/<button[^>]*>([^<]*)</) ?? [];
		expect(buttonWords?.trim()).toBe('I’m ready to move on');
		expect(text(html)).toContain(`${buttonWords?.trim()} — kept, sends when you are back.`);
		const button = html.match(/<button[^>]*>/)?.[0] ?? '';
		expect(button).toContain('data-kept');
		const noteId = html.match(/<p[^>]*id="([^"]+)"[^>]*data-kept-note/)?.[1];
		expect(noteId).toBeDefined();
		expect(button).toMatch(new RegExp(`aria-describedby="[^"]*\\b${noteId}\\b`));
	});

	test('on the last step the card stays, with a line that can hold focus instead of the button', () => {
		const html = show(true);
		expect(html).not.toContain('<button');
		expect(html).toMatch(/<p[^>]*tabindex="-1"[^>]*>This is the last step\.<\/p>/);
	});
});

describe('[A35] ready to move on, on turns', () => {
	test('someone watching is offered no button, and told why and when it comes back', () => {
		const html = show(false, [], true);
		expect(html).not.toContain('<button');
		expect(text(html)).toContain('They come back to you while someone holding a place is away.');
	});

	test('whose readiness does not count is not named among those the room waits for', () => {
		const [ana, ben, phone] = [person('Ana'), person('Ben'), person('Phone')];
		const html = render(ReadyToMoveOn, {
			props: { isLastStep: false, counted: [ana, ben], watching: false },
			context: roomContext(control({ ready: [ana.participantId] }), ana.participantId, [
				ana,
				ben,
				phone
			])
		}).body;
		expect(text(html)).toContain('Ben');
		expect(text(html)).not.toContain('Phone');
	});
});
