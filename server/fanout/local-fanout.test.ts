import { afterAll, expect, test } from 'vitest';
import { redirectLog } from '../log';
import type { DocStore } from '../storage/doc-store';
import { LocalFanoutHub } from './local-fanout';

const lines: string[] = [];
afterAll(redirectLog({ write: (line: string) => void lines.push(line) }));

/** A store that only numbers appends: the hub is what is under test. */
function countingStore(): DocStore {
	let appended = 0;
	const unused = () => Promise.reject(new Error('not used here'));
	return {
		createRoom: unused,
		getRoom: unused,
		appendUpdate: async () => String(++appended),
		loadDoc: unused,
		compact: unused,
		lastPosition: unused,
		touch: unused,
		deleteRoom: unused,
		expiredRooms: unused
	};
}

test('a follower that throws neither fails the append nor keeps the entry from the others', async () => {
	const hub = new LocalFanoutHub();
	const store = countingStore();
	const first = hub.instance('first', store);
	const second = hub.instance('second', store);
	first.fanout.follow('doc', undefined, () => {
		throw new Error('a broken follower');
	});
	const cursors: (string | undefined)[] = [];
	second.fanout.follow('doc', undefined, (_entries, cursor) => cursors.push(cursor));
	expect(await first.store.appendUpdate('doc', new Uint8Array([1]))).toBe('1');
	expect(cursors).toEqual(['1']);
	expect(lines.some((line) => line.includes('delivering from the fan-out failed'))).toBe(true);
});
