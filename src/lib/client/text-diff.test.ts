import { describe, expect, test } from 'vitest';
import { changeEnd, diffText, moveCursor } from './text-diff';

describe('diffText', () => {
	test.each([
		['typing at the end', 'abc', 'abcd', { index: 3, remove: 0, insert: 'd' }],
		['typing in the middle', 'abcd', 'abXcd', { index: 2, remove: 0, insert: 'X' }],
		['deleting backwards', 'abcd', 'abd', { index: 2, remove: 1, insert: '' }],
		[
			'replacing a selection',
			'hello world',
			'hello there',
			{ index: 6, remove: 5, insert: 'there' }
		],
		['a repeated letter', 'aaa', 'aaaa', { index: 3, remove: 0, insert: 'a' }],
		['clearing everything', 'abc', '', { index: 0, remove: 3, insert: '' }]
	])('%s', (_case, before, after, edit) => {
		expect(diffText(before, after)).toEqual(edit);
	});

	test('no change gives no edit', () => {
		expect(diffText('same', 'same')).toBeUndefined();
	});
});

describe('moveCursor', () => {
	test('text inserted before the cursor pushes it right; after it, leaves it', () => {
		expect(moveCursor(5, [{ insert: 'abc' }])).toBe(8);
		expect(moveCursor(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
	});

	test('text inserted exactly at the cursor stays after it', () => {
		expect(moveCursor(5, [{ retain: 5 }, { insert: 'xy' }])).toBe(5);
	});

	test('deletions before the cursor pull it left, a deletion across it clamps it', () => {
		expect(moveCursor(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
		expect(moveCursor(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
		expect(moveCursor(5, [{ retain: 7 }, { delete: 2 }])).toBe(5);
	});
});

describe('changeEnd', () => {
	test('an insertion ends after the inserted text; a deletion where it was', () => {
		expect(changeEnd([{ retain: 4 }, { insert: 'abc' }])).toBe(7);
		expect(changeEnd([{ retain: 4 }, { delete: 3 }])).toBe(4);
		expect(changeEnd([{ insert: 'x' }, { retain: 2 }, { delete: 1 }])).toBe(3);
		expect(changeEnd([])).toBe(0);
	});
});
