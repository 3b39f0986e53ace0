import { expect, test } from 'vitest';
import { formatDuration, isoDuration } from './duration';

test('says a timebox in each language’s own units', () => {
	expect(formatDuration(90, 'en')).toBe('1 min, 30 sec');
	expect(formatDuration(90, 'de')).toBe('1 Min., 30 Sek.');
	expect(formatDuration(90, 'es')).toBe('1 min y 30 s');
});

test('leaves out a part that is zero, but never says nothing', () => {
	expect(formatDuration(180, 'de')).toBe('3 Min.');
	expect(formatDuration(30, 'es')).toBe('30 s');
	expect(formatDuration(0, 'en')).toBe('0 sec');
});

test('writes the same durations for machines', () => {
	expect([90, 180, 30, 0].map(isoDuration)).toEqual(['PT1M30S', 'PT3M', 'PT30S', 'PT0S']);
});
