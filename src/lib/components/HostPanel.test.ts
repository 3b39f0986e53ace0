import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { controlStateSchema, type ControlState } from '$lib/protocol/control';
import type { Participant } from '$lib/protocol/presence';
import HostPanel from './HostPanel.svelte';

const person = (name: string, status: Participant['status'] = 'connected'): Participant => ({
	participantId: `${name.toLowerCase()}-0001`,
	name,
	roleId: 'listener',
	status,
	seenAt: 0
});
const roster = [person('Ana'), person('Ben'), person('Cy', 'gone')];
const control = (extra: Partial<ControlState>): ControlState => ({
	...controlStateSchema.parse({ step: 0, timer: { status: 'idle', durationMs: 60_000 } }),
	...extra
});
const oncommand = () => Promise.resolve(true);
/** The rendered text, tags and comments removed and spaces collapsed. */
const text = (html: string) =>
	html
		.replace(/<!--.*?-->|<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
const show = (state: ControlState, selfId: string) =>
	render(HostPanel, { props: { control: state, roster, selfId, oncommand } }).body;

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

	test('without a host nothing is shown', () => {
		expect(text(show(control({ host: null }), 'ben-0001'))).toBe('');
	});
});
