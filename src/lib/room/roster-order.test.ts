import { describe, expect, test } from 'vitest';
import { supersedes } from './roster-order';

describe('which roster a connection shows (S27)', () => {
	test('the first roster is shown, whatever its version', () => {
		expect(supersedes(0, undefined)).toBe(true);
		expect(supersedes(1_700_000_000_000, undefined)).toBe(true);
	});

	test('a roster of a higher version takes the place of the one shown', () => {
		expect(supersedes(8, 7)).toBe(true);
	});

	test('a roster read before the one shown changes nothing, though it arrived after it', () => {
		expect(supersedes(6, 7)).toBe(false);
	});

	test('a roster of the same version, read again, takes the place of the one shown', () => {
		expect(supersedes(7, 7)).toBe(true);
	});
});
