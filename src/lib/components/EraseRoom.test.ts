import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { ControlState } from '$lib/protocol/control';
import EraseRoom from './EraseRoom.svelte';
import { control, roomContext, text } from './room-controls.fixture';

const show = (state: ControlState, selfId: string) =>
	render(EraseRoom, { context: roomContext(state, selfId) }).body;

describe('ending and erasing the room', () => {
	const hosted = control({ host: { participantId: 'ana-0001', controlLocked: false } });

	test('the host gets one button to end and erase the room', () => {
		expect(text(show(hosted, 'ana-0001'))).toBe('End the room End and erase the room');
	});

	test('with a host, everyone else is told that it is the host’s to do', () => {
		expect(text(show(hosted, 'ben-0001'))).toBe(
			'End the room Only the host can end and erase this room.'
		);
	});

	test('without a host, everyone may agree, and sees who agreed and who is awaited', () => {
		const html = show(control({ eraseVotes: ['ana-0001'] }), 'ben-0001');
		expect(html).toMatch(/<button aria-pressed="false"/);
		expect(text(html)).toBe(
			'End the room Agree to erase the room Agreed: Ana · waiting for Ben ' +
				'When everyone here agrees, everything said and written here is deleted, for everyone.'
		);
	});

	test('someone who agreed sees their agreement pressed', () => {
		const html = show(control({ eraseVotes: ['ana-0001'] }), 'ana-0001');
		expect(html).toMatch(/<button aria-pressed="true"/);
	});
});
