import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } from 'y-protocols/awareness';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { redirectLog } from '../log';
import type { RoomMetrics } from '../metrics';
import type { DocumentLog } from '../storage/document-log';
import { MemoryStorage } from '../storage/memory-storage';
import type { DocCredentials } from './doc-access';
import { LoadedRoom } from './loaded-room';
import { anyone, io, meta, playbook, recordingLog } from './loaded-room.fixture';
import { initialRoomUpdate } from './stored-rooms';
import type { RoomLock } from './room-lock';
import { SCHEMA_VERSION_KEY } from './room-doc-version';

/**
 * The room in an in-memory log whose appends store and publish the change but then fail, their
 * answer lost on the way back (as a Redis connection can), while `lost(fence)` says so.
 */
async function answersLost(lost: (fence: string | undefined) => boolean) {
	const storage = new MemoryStorage();
	await storage.rooms.createRoom(meta, initialRoomUpdate(playbook));
	const log = storage.log('here');
	const losing: DocumentLog = {
		...log,
		append: async (docId, update, fence) => {
			const stored = await log.append(docId, update, fence);
			if (lost(fence)) throw new Error('connection lost before the answer');
			return stored;
		}
	};
	return losing;
}

/** Metrics that remember what they were told. */
function recordingMetrics() {
	const reported: string[] = [];
	const metrics: RoomMetrics = {
		error: (kind) => reported.push(`error: ${kind}`),
		updateRelayed: (type) => reported.push(`relayed: ${type}`),
		documentRelayed: () => reported.push('stored for relay')
	};
	return { metrics, reported };
}

/** What the rooms log, read here rather than written out among the test results. */
const logLines: string[] = [];
afterAll(redirectLog({ write: (line: string) => logLines.push(line) }));

afterEach(() => {
	vi.useRealTimers();
	logLines.length = 0;
});

describe('storing a room', () => {
	test('every change to the document or to awareness is counted as relayed', async () => {
		const { log } = recordingLog();
		const { metrics, reported } = recordingMetrics();
		const room = await LoadedRoom.load(io(log, metrics), meta, playbook);
		expect(reported).toEqual([]);
		room.doc.getText(NOTES_TEXT).insert(0, 'a');
		const client = new Awareness(new Y.Doc());
		client.setLocalStateField('cursor', 1);
		applyAwarenessUpdate(room.awareness, encodeAwarenessUpdate(client, [client.clientID]), 'peer');
		expect(reported).toEqual(['relayed: document', 'relayed: awareness']);
		client.destroy();
		await room.close();
	});

	test('a room the store says is gone (erased elsewhere) stores nothing more and closes as erased', async () => {
		vi.useFakeTimers();
		const { log } = recordingLog();
		const appends: Uint8Array[] = [];
		const goneLog = {
			...log,
			append: async (_id: string, update: Uint8Array) => {
				appends.push(update);
				return undefined;
			}
		};
		const room = await LoadedRoom.load(io(goneLog), meta, playbook);
		const ends: string[] = [];
		room.connections.track(anyone, (why) => ends.push(`anyone: ${why}`));
		room.doc.getText(NOTES_TEXT).insert(0, 'after the erase');
		await vi.advanceTimersByTimeAsync(150);
		expect(ends).toEqual(['anyone: erased']);
		room.doc.getText(NOTES_TEXT).insert(0, 'more');
		await vi.advanceTimersByTimeAsync(1_500);
		expect(appends).toHaveLength(1);
	});

	test('a room that fails to load leaves no subscription behind to write a stale copy later', async () => {
		const { log } = recordingLog();
		const subscribed = new Set<string>();
		const failing: DocumentLog = {
			...log,
			subscribe: (docId) => {
				if (docId.endsWith(':sealed')) throw new Error('disk I/O error');
				subscribed.add(docId);
				return () => subscribed.delete(docId);
			}
		};
		await expect(LoadedRoom.load(io(failing), meta, playbook)).rejects.toThrow('disk I/O error');
		expect([...subscribed]).toEqual([]);
	});

	test('a room that fails to load early (from a newer release, its log unreachable) leaves no timer running', async () => {
		const { log } = recordingLog();
		const newer = new Y.Doc();
		newer.getMap(CONTROL_MAP).set(SCHEMA_VERSION_KEY, 1_000);
		const fromNewer: DocumentLog = {
			...log,
			load: async () => ({ updates: [Y.encodeStateAsUpdate(newer)], cursor: undefined })
		};
		const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
		const before = timers();
		await expect(LoadedRoom.load(io(fromNewer), meta, playbook)).rejects.toThrow(/newer/);
		expect(timers()).toBe(before);
		const unfollowable: DocumentLog = {
			...log,
			subscribe: () => {
				throw new Error('disk I/O error');
			}
		};
		await expect(LoadedRoom.load(io(unfollowable), meta, playbook)).rejects.toThrow('disk I/O');
		expect(timers()).toBe(before);
	});

	test('discarding a room (erasing it) stores nothing more and ends its connections', async () => {
		vi.useFakeTimers();
		const { log, appended, snapshots } = recordingLog();
		const room = await LoadedRoom.load(io(log), meta, playbook);
		const ends: string[] = [];
		// Erasing ends every connection, whatever it presented (no ticket is made: nothing is stored).
		const ana: DocCredentials = { kind: 'participant', participantId: 'ana-00001', ticket: 't' };
		room.connections.track(ana, (why) => ends.push(`ana: ${why}`));
		room.connections.track(anyone, (why) => ends.push(`anyone: ${why}`));
		room.doc.getText(NOTES_TEXT).insert(0, 'never stored');
		await room.discard();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(appended).toEqual([]);
		expect(snapshots).toEqual([]);
		expect(ends).toEqual(['ana: erased', 'anyone: erased']);
	});

	test('discarding waits for a write already under way, so none lands after the erase', async () => {
		let finishAppend: () => void = () => {};
		const { log } = recordingLog();
		const slowLog = {
			...log,
			append: () => new Promise<string>((resolve) => (finishAppend = () => resolve('1')))
		};
		vi.useFakeTimers();
		const room = await LoadedRoom.load(io(slowLog), meta, playbook);
		room.doc.getText(NOTES_TEXT).insert(0, 'on its way');
		await vi.advanceTimersByTimeAsync(150);
		let discarded = false;
		const discarding = room.discard().then(() => (discarded = true));
		await vi.advanceTimersByTimeAsync(10);
		expect(discarded).toBe(false);
		finishAppend();
		await discarding;
		expect(discarded).toBe(true);
	});

	test('a decision stored although its append failed without an answer reaches this copy too', async () => {
		const log = await answersLost((fence) => fence !== undefined);
		const lock: RoomLock = { shared: true, run: (_roomId, decide) => decide('fence') };
		const room = await LoadedRoom.load({ ...io(log), storeWithinMs: 0, lock }, meta, playbook);
		const hana = { participantId: 'hana-00001', present: ['hana-00001'] };
		await expect(
			room.control.decide({ type: 'agreements.confirm' }, hana, () => 0)
		).rejects.toThrow('connection lost');
		// Every other instance has it from the log: so must this one.
		await vi.waitFor(() => expect(room.control.read().agreed).toEqual(['hana-00001']));
		await room.close();
	});

	test('a sealed change stored although its append failed without an answer reaches this copy too', async () => {
		let loseAnswers = false;
		const log = await answersLost(() => loseAnswers);
		const room = await LoadedRoom.load({ ...io(log), storeWithinMs: 0 }, meta, playbook);
		const old = await room.secrets.projectorToken();
		loseAnswers = true;
		await expect(room.secrets.replaceProjectorToken()).rejects.toThrow('connection lost');
		loseAnswers = false;
		// The other instances have the new token from the log: the old one is no good here either.
		await vi.waitFor(() => expect(room.secrets.checkProjectorToken(old)).toBe('replaced'));
		await room.close();
	});
});
