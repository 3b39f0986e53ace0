import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { ControlState } from '$lib/protocol/control';
import HostPanel from './HostPanel.svelte';
import { control, roomContext, text } from './room-controls.fixture';

const show = (state: ControlState, selfId: string) =>
	render(HostPanel, { context: roomContext(state, selfId) }).body;

describe('host panel', () => {
	test('the host gets the switches, showing the locks as they are', () => {
		const html = show(
			control({ host: { participantId: 'ana-0001', controlLocked: true } }),
			'ana-0001'
		);
		expect(text(html)).toContain('You are the host');
		expect(html).toMatch(
			/<input type="checkbox" checked[^>]*\/?>\s*Only I control phases and timer/
		);
		expect(html).toMatch(
			/<input type="checkbox"(?! checked)[^>]*\/?>\s*Lock the room to new people/
		);
	});

	test('the host role can go only to others present', () => {
		const html = show(
			control({ host: { participantId: 'ana-0001', controlLocked: false } }),
			'ana-0001'
		);
		const options = [...html.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
		expect(options).toEqual(['Ben']);
	});

	test('everyone else sees who hosts and whether the host holds the controls', () => {
		const html = show(
			control({ host: { participantId: 'ana-0001', controlLocked: true }, roomLocked: true }),
			'ben-0001'
		);
		expect(text(html)).toBe(
			'Ana is hosting. Phases and timer are controlled by the host. The room is locked to new people.'
		);
	});

	test('the two sentences about the host keep the space between them', () => {
		const html = show(
			control({ host: { participantId: 'ana-0001', controlLocked: true } }),
			'ben-0001'
		);
		// As a browser joins the text: tags and markers add no space of their own.
		const joined = html.replace(/<!--.*?-->|<[^>]*>/g, '').replace(/\s+/g, ' ');
		expect(joined).toContain('Ana is hosting. Phases and timer are controlled by the host.');
	});

	test('without a host nothing is shown', () => {
		expect(text(show(control({ host: null }), 'ben-0001'))).toBe('');
	});
});
