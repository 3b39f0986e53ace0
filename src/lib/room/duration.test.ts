import { expect, test } from 'vitest';
import { formatTimebox } from './duration';

test('timeboxes read as minutes and seconds', () => {
	expect(formatTimebox(30)).toBe('30 s');
	expect(formatTimebox(180)).toBe('3 min');
	expect(formatTimebox(90)).toBe('1 min 30 s');
});
