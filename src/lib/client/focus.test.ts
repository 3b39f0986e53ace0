import { describe, expect, test } from 'vitest';
import { focusWhenRendered, type Focusable } from './focus';

/** A stand-in element that records being focused. */
const element = (name: string, focused: string[]): Focusable => ({
	focus: () => focused.push(name)
});

describe('focusWhenRendered', () => {
	test('focuses the target at once when it is already rendered', async () => {
		const focused: string[] = [];
		let frames = 0;
		await focusWhenRendered(
			() => element('heading', focused),
			() => element('fallback', focused),
			3,
			async () => void frames++
		);
		expect(focused).toEqual(['heading']);
		expect(frames).toBe(0);
	});

	test('waits frame by frame for a target that appears later', async () => {
		const focused: string[] = [];
		let frames = 0;
		await focusWhenRendered(
			() => (frames >= 2 ? element('heading', focused) : null),
			() => element('fallback', focused),
			3,
			async () => void frames++
		);
		expect(focused).toEqual(['heading']);
		expect(frames).toBe(2);
	});

	test('focuses the fallback when the target has not appeared after the last frame', async () => {
		const focused: string[] = [];
		let frames = 0;
		await focusWhenRendered(
			() => undefined,
			() => element('fallback', focused),
			3,
			async () => void frames++
		);
		expect(focused).toEqual(['fallback']);
		expect(frames).toBe(3);
	});
});
