import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Fanout, FanoutEntry } from '../../server/fanout/fanout';
import type { DocStore } from '../../server/storage/doc-store';
import { waitFor } from '../support/wait';
import { freshStore, type Opened } from './fresh-store';

/** Two instances sharing one backend: each appends through its store and follows through its fan-out. */
export interface TwoInstances {
	first: { store: DocStore; fanout: Fanout };
	second: { store: DocStore; fanout: Fanout };
}

let counter = 0;
const newRoom = async (store: DocStore) => {
	const id = `fanout${String(++counter).padStart(16, '0')}`;
	await store.createRoom(
		{ id, playbookId: 'active-listening-sprint', createdAt: 0 },
		new Uint8Array([0, 0])
	);
	return id;
};

const update = (text: string) => {
	const doc = new Y.Doc();
	doc.getText('notes').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
};

/** What a follower was given, in order. */
function recorder() {
	const received: { origin: string; text: string; cursor: string | undefined }[] = [];
	const deliver = (entries: FanoutEntry[], cursor: string | undefined) => {
		for (const { origin, update } of entries) {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, update);
			received.push({ origin, text: doc.getText('notes').toString(), cursor });
		}
	};
	return { received, deliver };
}

/** The behaviour every Fanout must have (in process and Redis run this same suite). */
export function fanoutContract(name: string, open: () => Promise<Opened<TwoInstances>>): void {
	describe(`Fanout contract: ${name}`, () => {
		const instances = freshStore(open);

		test('[F1] an append reaches every follower once, tagged with the instance that made it', async () => {
			const { first, second } = instances();
			const roomId = await newRoom(first.store);
			const atFirst = recorder();
			const atSecond = recorder();
			const stopFirst = first.fanout.follow(roomId, undefined, atFirst.deliver);
			const stopSecond = second.fanout.follow(roomId, undefined, atSecond.deliver);
			await waitFor(async () => {
				// Following may take a moment to reach the backend: appends until one arrives.
				if (atSecond.received.length > 0) return true;
				await first.store.appendUpdate(roomId, update('probe'));
				return false;
			}, 'the second instance to follow');
			const position = await first.store.appendUpdate(roomId, update('hello'));
			await waitFor(() => atSecond.received.some((r) => r.text === 'hello'), 'the append');
			await waitFor(() => atFirst.received.some((r) => r.text === 'hello'), 'the append');
			const seen = atSecond.received.filter((r) => r.text === 'hello');
			expect(seen).toEqual([{ origin: first.fanout.instanceId, text: 'hello', cursor: position }]);
			expect(atFirst.received.filter((r) => r.text === 'hello')).toHaveLength(1);
			expect(first.fanout.instanceId).not.toBe(second.fanout.instanceId);
			stopFirst();
			stopSecond();
		});

		test('[F2] after unfollowing, nothing more is delivered', async () => {
			const { first, second } = instances();
			const roomId = await newRoom(first.store);
			const atSecond = recorder();
			second.fanout.follow(roomId, undefined, atSecond.deliver)();
			const atFirst = recorder();
			const stop = first.fanout.follow(roomId, undefined, atFirst.deliver);
			await first.store.appendUpdate(roomId, update('unheard'));
			await waitFor(() => atFirst.received.length > 0, 'the append at its own instance');
			expect(atSecond.received).toEqual([]);
			stop();
		});

		test('[F3] awareness reaches the other instances of the room, not the sender', async () => {
			const { first, second } = instances();
			const roomId = await newRoom(first.store);
			const atFirst: Uint8Array[] = [];
			const atSecond: Uint8Array[] = [];
			const stops = [
				first.fanout.followAwareness(roomId, (u) => atFirst.push(u)),
				second.fanout.followAwareness(roomId, (u) => atSecond.push(u))
			];
			await waitFor(() => {
				first.fanout.publishAwareness(roomId, new Uint8Array([1, 2, 3]));
				return atSecond.length > 0;
			}, 'awareness on the second instance');
			expect([...atSecond[0]!]).toEqual([1, 2, 3]);
			expect(atFirst).toEqual([]);
			for (const stop of stops) stop();
		});
	});
}
