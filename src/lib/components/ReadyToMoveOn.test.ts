import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { controlStateSchema } from '$lib/protocol/control';
import ReadyToMoveOn from './ReadyToMoveOn.svelte';

const show = (isLastStep: boolean) =>
	render(ReadyToMoveOn, {
		props: {
			control: controlStateSchema.parse({
				step: 0,
				timer: { status: 'idle', durationMs: 60_000 }
			}),
			roster: [],
			selfId: 'ana-0001',
			oncommand: () => Promise.resolve(true),
			isLastStep
		}
	}).body;

describe('ready to move on', () => {
	test('before the last step, the ready button', () => {
		const html = show(false);
		expect(html).toContain('I’m ready to move on');
		expect(html).not.toContain('This is the last step.');
	});

	test('on the last step the card stays, with a line that can hold focus instead of the button', () => {
		const html = show(true);
		expect(html).not.toContain('<button');
		expect(html).toMatch(/<p[^>]*tabindex="-1"[^>]*>This is the last step\.<\/p>/);
	});
});
