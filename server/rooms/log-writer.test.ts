import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { redirectLog } from '../log';
import type { RoomMetrics } from '../metrics';
import type { DocumentLog } from '../storage/document-log';
import { MemoryStorage } from '../storage/memory-storage';
import { LogWriter, REMOTE_ORIGIN, STORE_WITHIN_MS } from './log-writer';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

/** What the rooms log, read here rather than written out among the test results. */
const logLines: string[] = [];
afterAll(redirectLog({ write: (line: string) => logLines.push(line) }));
afterEach(() => {
	vi.useRealTimers();
	logLines.length = 0;
});

/** Text typed at the end of a document's notes. */
const type = (doc: Y.Doc, text: string) =>
	doc.getText('notes').insert(doc.getText('notes').length, text);
const notesOf = (updates: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText('notes').toString();
};

/** `log`, with its appends failing while `failing.appends` is above 0 (each failure counts down). */
function flaky(log: DocumentLog) {
	const failing = { appends: 0 };
	const appended: Uint8Array[] = [];
	const wrapped: DocumentLog = {
		...log,
		append: async (docId, update) => {
			if (failing.appends-- > 0) throw new Error('disk full');
			appended.push(update);
			return log.append(docId, update);
		}
	};
	return { log: wrapped, failing, appended };
}

/** A room in an in-memory log, and a writer keeping a copy of its document in step with it. */
async function writing({
	storeWithinMs = STORE_WITHIN_MS,
	metrics = undefined as RoomMetrics | undefined
} = {}) {
	const storage = new MemoryStorage();
	await storage.rooms.createRoom(
		{ id: ROOM, playbookId: 'p', createdAt: 0 },
		Y.encodeStateAsUpdate(new Y.Doc())
	);
	const { log, failing, appended } = flaky(storage.log('here'));
	const doc = new Y.Doc();
	const stored = await log.load(ROOM);
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	const events: string[] = [];
	const writer = new LogWriter(doc, ROOM, { log, storeWithinMs, metrics }, stored, {
		gone: () => events.push('gone'),
		moved: () => events.push('moved'),
		measured: (bytes) => events.push(`measured ${bytes > 0}`)
	});
	/** Another instance on the same log. */
	const elsewhere = storage.log('elsewhere');
	return { storage, log, doc, writer, events, failing, appended, elsewhere };
}

describe('storing changes', () => {
	test('changes typed in quick succession are stored as one merged entry', async () => {
		vi.useFakeTimers();
		const { doc, appended } = await writing();
		for (const letter of 'abc') type(doc, letter);
		await vi.advanceTimersByTimeAsync(STORE_WITHIN_MS + 10);
		expect(appended).toHaveLength(1);
		expect(notesOf(appended)).toBe('abc');
	});

	test('flushing hands every change over at once, without waiting for the timer', async () => {
		const { doc, writer, log } = await writing({ storeWithinMs: 60_000 });
		type(doc, 'decided');
		await writer.flush();
		expect(notesOf((await log.load(ROOM)).updates)).toBe('decided');
	});

	test('a failed store keeps the changes and stores them on the next attempt', async () => {
		vi.useFakeTimers();
		const { doc, failing, appended } = await writing();
		failing.appends = 1;
		type(doc, 'kept');
		await vi.advanceTimersByTimeAsync(STORE_WITHIN_MS + 10);
		expect(appended).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1_100);
		expect(notesOf(appended)).toBe('kept');
	});

	test('a failed store is logged with the room id and size, never the text, and counted', async () => {
		vi.useFakeTimers();
		const reported: string[] = [];
		const metrics: RoomMetrics = {
			error: (kind) => reported.push(`error: ${kind}`),
			updateRelayed: () => {},
			documentRelayed: () => reported.push('stored for relay')
		};
		const { doc, failing } = await writing({ metrics });
		failing.appends = 1;
		type(doc, 'a story told in confidence');
		await vi.advanceTimersByTimeAsync(STORE_WITHIN_MS + 10);
		const failure = logLines
			.map((line) => JSON.parse(line) as Record<string, unknown>)
			.find((line) => line.msg === 'storing changes failed; retrying');
		expect(failure).toMatchObject({
			roomId: ROOM,
			bytes: expect.any(Number),
			err: { message: 'disk full' }
		});
		expect(logLines.join('')).not.toContain('in confidence');
		await vi.advanceTimersByTimeAsync(1_100);
		expect(reported).toEqual(['error: storage', 'stored for relay']);
	});

	test('a room gone from the log stores nothing more and says so once', async () => {
		vi.useFakeTimers();
		const { storage, doc, writer, events, appended } = await writing();
		await storage.rooms.deleteRoom(ROOM);
		type(doc, 'after the erase');
		await vi.advanceTimersByTimeAsync(STORE_WITHIN_MS + 10);
		expect(events.filter((event) => event === 'gone')).toEqual(['gone']);
		expect(writer.discarded).toBe(true);
		type(doc, 'more');
		await vi.advanceTimersByTimeAsync(1_500);
		expect(appended).toHaveLength(1);
	});
});

describe('following the log', () => {
	test('[F1] another instance’s entries are applied as remote changes and not stored again', async () => {
		const { doc, elsewhere, writer, appended, events } = await writing({ storeWithinMs: 0 });
		const origins: unknown[] = [];
		doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
		const other = new Y.Doc();
		type(other, 'from elsewhere');
		const position = await elsewhere.append(ROOM, Y.encodeStateAsUpdate(other));
		await vi.waitFor(() => expect(doc.getText('notes').toString()).toBe('from elsewhere'));
		expect(origins).toEqual([REMOTE_ORIGIN]);
		expect(writer.cursor).toBe(position);
		expect(events).toContain('moved');
		await writer.flush();
		expect(appended).toEqual([]);
	});

	test('its own entries move the cursor without being applied twice', async () => {
		const { doc, writer } = await writing({ storeWithinMs: 0 });
		// Every apply is a transaction, even one that changes nothing.
		const origins: unknown[] = [];
		doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
		type(doc, 'mine');
		await writer.flush();
		await vi.waitFor(() => expect(writer.cursor).toBeDefined());
		expect(origins).toEqual([null]);
	});

	test('after 500 entries the log is folded into a snapshot', async () => {
		const { doc, elsewhere, log, events } = await writing();
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		for (let n = 0; n < 500; n++) {
			const before = Y.encodeStateVector(other);
			type(other, '.');
			await elsewhere.append(ROOM, Y.encodeStateAsUpdate(other, before));
		}
		await vi.waitFor(() => expect(events).toContain('measured true'));
		await vi.waitFor(async () => expect((await log.load(ROOM)).updates).toHaveLength(1));
		expect(notesOf((await log.load(ROOM)).updates)).toHaveLength(500);
	});
});

describe('closing and discarding', () => {
	test('closing stores what is left and folds the log into the snapshot', async () => {
		const { doc, writer, log } = await writing({ storeWithinMs: 60_000 });
		type(doc, 'last words');
		await writer.close();
		const stored = await log.load(ROOM);
		expect(stored.updates).toHaveLength(1);
		expect(notesOf(stored.updates)).toBe('last words');
	});

	test('closing after stores failed writes the whole document as the snapshot', async () => {
		const { doc, writer, failing, log } = await writing();
		failing.appends = Number.POSITIVE_INFINITY;
		type(doc, 'never appended');
		await writer.close();
		expect(notesOf((await log.load(ROOM)).updates)).toBe('never appended');
	});

	test('discarding drops what is not stored yet and stores nothing more', async () => {
		vi.useFakeTimers();
		const { doc, writer, appended, events } = await writing();
		type(doc, 'never stored');
		await writer.discard();
		type(doc, 'nor this');
		await vi.advanceTimersByTimeAsync(2_000);
		expect(appended).toEqual([]);
		expect(events.filter((event) => event.startsWith('measured'))).toEqual([]);
	});

	test('discarding waits for a write already under way', async () => {
		const { doc, writer, log } = await writing({ storeWithinMs: 0 });
		let finish: (() => void) | undefined;
		const append = log.append;
		log.append = (docId, update) =>
			new Promise((resolve) => (finish = () => resolve(append(docId, update))));
		type(doc, 'on its way');
		const flushing = writer.flush();
		await vi.waitFor(() => expect(finish).toBeDefined());
		let discarded = false;
		const discarding = writer.discard().then(() => (discarded = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(discarded).toBe(false);
		finish?.();
		await Promise.all([flushing, discarding]);
		expect(discarded).toBe(true);
	});
});
