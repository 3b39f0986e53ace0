import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import ReadyToMoveOn from './ReadyToMoveOn.svelte';
import { control, roomContext } from './room-controls.fixture';

const show = (isLastStep: boolean) =>
	render(ReadyToMoveOn, {
		props: { isLastStep },
		context: roomContext(control({}), 'ana-0001', [])
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
