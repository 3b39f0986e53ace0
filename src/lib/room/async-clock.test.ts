import { describe, expect, test } from 'vitest';
import { nextWakeAt, tick } from './async-clock';
import { HOUR, playbook, started, T0 } from './async-schedule.fixture';

describe('the server’s clock on a room of turns', () => {
	test('[A6] the deadline moves the room on whoever is online, and a reminder comes first', () => {
		const state = started();
		expect(nextWakeAt(state)).toBe(T0 + 21 * HOUR);
		const warned = tick(state, playbook, T0 + 21 * HOUR);
		expect(warned.async?.warned).toBe(true);
		expect(warned.step).toBe(1);
		expect(nextWakeAt(warned)).toBe(T0 + 24 * HOUR);
		expect(tick(warned, playbook, T0 + 23 * HOUR)).toBe(warned);
		const moved = tick(warned, playbook, T0 + 24 * HOUR);
		expect(moved.step).toBe(2);
		expect(moved.async?.deadlineAt).toBe(T0 + 48 * HOUR);
	});

	test('[A9] the reminder comes half the window before a deadline when the window is short', () => {
		const state = started({ story: 4 * HOUR });
		expect(nextWakeAt(state)).toBe(T0 + 2 * HOUR);
	});

	test('nothing is due before the reminder: the same state comes back', () => {
		const state = started();
		expect(tick(state, playbook, T0 + HOUR)).toBe(state);
	});
});
