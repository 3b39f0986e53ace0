import { describe, expect, test } from 'vitest';
import { LogCatchUp } from './log-catch-up';
import { RoomBusy } from './room-lock';

/** A room of two documents whose log ends at `last`, this copy at `at`. */
function roomAt(last: Record<string, string | undefined>, withinMs = 60_000) {
	const at: Record<string, string | undefined> = {};
	const state = { ended: false };
	const catchUp = new LogCatchUp(
		{
			roomId: 'ROOM',
			log: { lastPosition: async (docId) => last[docId] },
			docIds: ['ROOM', 'ROOM:sealed'],
			at: (docId) => at[docId],
			ended: () => state.ended
		},
		withinMs
	);
	return { catchUp, at, state };
}

describe('catching up with the log before a decision', () => {
	test('a copy that has every entry goes ahead at once', async () => {
		const { catchUp, at } = roomAt({ ROOM: '1-5', 'ROOM:sealed': undefined });
		at.ROOM = '1-5';
		await expect(catchUp.wait()).resolves.toBeUndefined();
	});

	test('a copy behind on either document waits until the entries arrive', async () => {
		const { catchUp, at } = roomAt({ ROOM: '1-5', 'ROOM:sealed': '1-7' });
		at.ROOM = '1-5';
		at['ROOM:sealed'] = '1-6';
		let done = false;
		const waiting = catchUp.wait().then(() => (done = true));
		await new Promise((resolve) => setImmediate(resolve));
		catchUp.moved();
		await new Promise((resolve) => setImmediate(resolve));
		expect(done).toBe(false);
		at['ROOM:sealed'] = '1-7';
		catchUp.moved();
		await waiting;
		expect(done).toBe(true);
	});

	test('a log that does not arrive in time: busy', async () => {
		const { catchUp } = roomAt({ ROOM: '1-5', 'ROOM:sealed': undefined }, 20);
		await expect(catchUp.wait()).rejects.toBeInstanceOf(RoomBusy);
	});

	test('a room that ended is not waited for', async () => {
		const { catchUp, state } = roomAt({ ROOM: '1-5', 'ROOM:sealed': undefined });
		state.ended = true;
		await expect(catchUp.wait()).resolves.toBeUndefined();
	});
});
