import { expect, test } from 'vitest';
import { askedRange, contentRange } from './byte-range';

test('[B2] no Range header asks for the whole clip', () => {
	expect(askedRange(undefined, 100)).toEqual({ kind: 'whole' });
});

test('[B2] a closed range asks for its bytes, the last one included', () => {
	expect(askedRange('bytes=0-9', 100)).toEqual({ kind: 'part', range: { start: 0, end: 10 } });
});

test('[B2] an open range runs to the end, and one past the end is cut there', () => {
	expect(askedRange('bytes=90-', 100)).toEqual({ kind: 'part', range: { start: 90, end: 100 } });
	expect(askedRange('bytes=90-500', 100)).toEqual({
		kind: 'part',
		range: { start: 90, end: 100 }
	});
});

test('[B2] a suffix range asks for the last bytes, at most all of them', () => {
	expect(askedRange('bytes=-10', 100)).toEqual({ kind: 'part', range: { start: 90, end: 100 } });
	expect(askedRange('bytes=-500', 100)).toEqual({ kind: 'part', range: { start: 0, end: 100 } });
});

test('[B2] a range starting at or past the end cannot be satisfied', () => {
	expect(askedRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
	expect(askedRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
	expect(askedRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
});

test('[B2] several ranges, other units and nonsense are answered whole', () => {
	for (const header of ['bytes=0-1,5-6', 'items=0-1', 'bytes=5-1', 'bytes=-', 'bytes=a-b', '']) {
		expect(askedRange(header, 100), header).toEqual({ kind: 'whole' });
	}
});

test('[B2] Content-Range names the last byte, not the one after it', () => {
	expect(contentRange({ start: 0, end: 10 }, 100)).toBe('bytes 0-9/100');
});
