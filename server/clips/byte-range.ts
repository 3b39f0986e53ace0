import type { ByteRange } from '../storage/blob-store';

/** What a `Range` header asks of a resource of known size (RFC 9110, section 14). */
export type RangeAsk =
	| { kind: 'whole' }
	| { kind: 'part'; range: ByteRange }
	/** Answered 416 with `Content-Range: bytes *\/size`. */
	| { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/**
 * Reads a `Range` header against `size` bytes. One range is served (`bytes=a-b`, `bytes=a-`,
 * `bytes=-n`); anything else, several ranges included, is answered whole, as RFC 9110 allows a
 * server to ignore Range. A range that starts at or past the end cannot be satisfied.
 */
export function askedRange(header: string | undefined, size: number): RangeAsk {
	const match = header === undefined ? null : SINGLE.exec(header.trim());
	if (!match) return { kind: 'whole' };
	const [, first = '', last = ''] = match;
	if (first === '' && last === '') return { kind: 'whole' };
	if (first === '') {
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
		return { kind: 'part', range: { start: Math.max(0, size - suffix), end: size } };
	}
	const start = Number(first);
	// An invalid range (last before first) is ignored, as if none were sent.
	if (last !== '' && Number(last) < start) return { kind: 'whole' };
	if (start >= size) return { kind: 'unsatisfiable' };
	const end = last === '' ? size : Number(last) + 1;
	return { kind: 'part', range: { start, end: Math.min(end, size) } };
}

/** The `Content-Range` of a part of `size` bytes (end exclusive in, inclusive out). */
export const contentRange = ({ start, end }: ByteRange, size: number): string =>
	`bytes ${start}-${end - 1}/${size}`;
