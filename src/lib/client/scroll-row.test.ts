import { describe, expect, test } from 'vitest';
import { scrollToShow } from './scroll-row';

const visible = { left: 20, right: 320 };

describe('scrollToShow', () => {
	test('leaves the row where it is when the item is wholly visible', () => {
		expect(scrollToShow(visible, { left: 20, right: 320 })).toBe(0);
		expect(scrollToShow(visible, { left: 100, right: 200 })).toBe(0);
	});

	test('scrolls on just far enough to show an item cut at the right edge', () => {
		expect(scrollToShow(visible, { left: 250, right: 336 })).toBe(16);
	});

	test('scrolls back just far enough to show an item cut at the left edge', () => {
		expect(scrollToShow(visible, { left: -40, right: 60 })).toBe(-60);
	});

	test('shows an item wider than the row from its left edge', () => {
		expect(scrollToShow(visible, { left: 200, right: 600 })).toBe(180);
		expect(scrollToShow(visible, { left: -100, right: 400 })).toBe(-120);
	});
});
