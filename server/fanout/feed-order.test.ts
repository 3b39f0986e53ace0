import { expect, test } from 'vitest';
import type { LogEntry } from '../storage/document-log';
import { FeedOrder } from './feed-order';

/** An entry whose update is one byte, `n`, at log position `0-n`. */
const entry = (n: number): [LogEntry, string] => [
	{ update: new Uint8Array([n]), origin: 'other' },
	`0-${n}`
];

function ordered(cursor: string | undefined, limit?: number) {
	const delivered: { updates: number[]; cursor: string | undefined }[] = [];
	const order = new FeedOrder(
		cursor,
		(entries, at) => delivered.push({ updates: entries.map((e) => e.update[0]!), cursor: at }),
		limit
	);
	return { order, delivered };
}

test('live entries wait for the first read, then follow it without those it covered', () => {
	const { order, delivered } = ordered('0-1');
	expect(order.live(...entry(3))).toBe(true);
	expect(order.live(...entry(4))).toBe(true);
	expect(delivered).toEqual([]);
	order.caughtUp([entry(2)[0], entry(3)[0]], '0-3');
	expect(delivered).toEqual([
		{ updates: [2, 3], cursor: '0-3' },
		{ updates: [4], cursor: '0-4' }
	]);
	order.live(...entry(5));
	order.live(...entry(4));
	expect(delivered.at(-1)).toEqual({ updates: [5], cursor: '0-5' });
	expect(delivered).toHaveLength(3);
	expect(order.cursor).toBe('0-5');
});

test('held again, live entries wait for the next read', () => {
	const { order, delivered } = ordered(undefined);
	order.caughtUp([], undefined);
	order.hold();
	order.live(...entry(1));
	expect(delivered).toEqual([]);
	order.caughtUp([], undefined);
	expect(delivered).toEqual([{ updates: [1], cursor: '0-1' }]);
});

test('past the limit, the waiting entries are dropped and the caller is told to read it all', () => {
	const { order, delivered } = ordered(undefined, 2);
	expect(order.live(...entry(1))).toBe(true);
	expect(order.live(...entry(2))).toBe(true);
	expect(order.live(...entry(3))).toBe(false);
	order.live(...entry(4));
	order.caughtUp([entry(1)[0], entry(2)[0], entry(3)[0]], '0-3');
	expect(delivered).toEqual([
		{ updates: [1, 2, 3], cursor: '0-3' },
		{ updates: [4], cursor: '0-4' }
	]);
});
