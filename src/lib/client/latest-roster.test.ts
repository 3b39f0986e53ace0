import { expect, test } from 'vitest';
import { LatestRoster } from './latest-roster';

test('[S27] shows a roster as new as the one shown or newer, and lets an older one go', () => {
	const latest = new LatestRoster();
	expect(latest.take(5)).toBe(true);
	expect(latest.take(5)).toBe(true);
	expect(latest.take(4)).toBe(false);
	expect(latest.take(7)).toBe(true);
	expect(latest.take(6)).toBe(false);
});

test('[S27] lets a roster with a version that is no version go', () => {
	const latest = new LatestRoster();
	expect(latest.take(-1)).toBe(false);
	expect(latest.take('7')).toBe(false);
	expect(latest.take(1.5)).toBe(false);
});

test('[S27] starts again once the connection closed: a restarted store counts from zero', () => {
	const latest = new LatestRoster();
	expect(latest.take(9)).toBe(true);
	latest.reset();
	expect(latest.take(1)).toBe(true);
});

test('[S27] shows a roster without a version (a server before versions) and holds none after it', () => {
	const latest = new LatestRoster();
	expect(latest.take(9)).toBe(true);
	expect(latest.take(undefined)).toBe(true);
	// Nothing says where the last one stands: the next versioned roster is shown.
	expect(latest.take(2)).toBe(true);
	expect(latest.take(undefined)).toBe(true);
});
