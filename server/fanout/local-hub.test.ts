import { expect, test } from 'vitest';
import { LocalHub } from './local-hub';

test('a room is heard by an instance only while another instance of the hub follows it', () => {
	const hub = new LocalHub();
	const first = hub.awareness('first');
	const second = hub.awareness('second');
	const ownFollow = first.follow('room', () => {});
	expect(first.heard('room')).toBe(false);
	const otherFollow = second.follow('room', () => {});
	expect(first.heard('room')).toBe(true);
	expect(first.heard('another room')).toBe(false);
	otherFollow();
	expect(first.heard('room')).toBe(false);
	ownFollow();
});
