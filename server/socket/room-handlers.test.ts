import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { Participant, VersionedRoster } from '../../src/lib/protocol/presence';
import type { Effect } from '../../src/lib/room/decide';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { LocalHub } from '../fanout/local-hub';
import { redirectLog } from '../log';
import { STORE_WITHIN_MS } from '../rooms/log-writer';
import { processLock, RoomBusy, type RoomLock } from '../rooms/room-lock';
import { RoomRegistry } from '../rooms/room-registry';
import { openSqlite } from '../storage/sqlite';
import { createSqliteDocumentLog } from '../storage/sqlite-document-log';
import { createSqliteRoomStore } from '../storage/sqlite-room-store';
import type { Membership } from './room-presence';
import { RoomHandlers, type HandlerPresence, type HandlerSocket } from './room-handlers';

// Refusals and failures are logged; they are not the tests' output.
afterAll(redirectLog({ write: () => true }));

/** A socket in memory: the channels it joined, and whether it is still connected. */
class MemorySocket implements HandlerSocket {
	static #count = 0;
	readonly id = `socket-${++MemorySocket.#count}`;
	disconnected = false;
	readonly channels: string[] = [];
	join(channel: string): void {
		this.channels.push(channel);
	}
}

/** Presence in memory: who is in which room through which socket; its watch hooks are spies. */
function memoryPresence(): HandlerPresence<MemorySocket> {
	const members = new Map<string, Membership>();
	const people = (roomId: string): Participant[] =>
		[...members.values()].filter((m) => m.roomId === roomId).map((m) => m.participant);
	const roster = async (roomId: string) => ({ roster: people(roomId), version: 0 });
	return {
		memberOf: (socket) => members.get(socket.id),
		roster,
		presentIn: async (roomId) => people(roomId).map((p) => p.participantId),
		follow: vi.fn<(roomId: string) => void>(),
		answered: vi.fn<(roomId: string, read: VersionedRoster) => void>(),
		async leave(socket) {
			members.get(socket.id)?.lease.release();
			members.delete(socket.id);
		},
		async admit(socket, membership) {
			members.set(socket.id, membership);
			return roster(membership.roomId);
		},
		setVisible: async () => {},
		loadedRoom: (roomId) => [...members.values()].find((m) => m.roomId === roomId)?.lease.room
	};
}

/** Handlers over real rooms in SQLite, in-memory sockets and presence, noting effects carried out. */
async function handlersWith(lock: RoomLock = processLock) {
	const db = openSqlite(mkdtempSync(join(tmpdir(), 'handlers-')));
	const hub = new LocalHub();
	const log = createSqliteDocumentLog(db, { now: Date.now, hub });
	const rooms = new RoomRegistry(createSqliteRoomStore(db, { now: Date.now }), {
		unloadGraceMs: 0,
		findPlaybook: async (id) => findBuiltInPlaybook(id),
		log,
		awareness: hub.awareness(log.instanceId),
		storeWithinMs: STORE_WITHIN_MS,
		lock
	});
	const roomId = 'AAAAAAAAAAAAAAAAAAAAAA';
	const created = await rooms.create({
		id: roomId,
		playbookId: 'active-listening-sprint',
		createdAt: 0
	});
	const carriedOut: Effect[] = [];
	const connected = new Set<string>();
	const presence = memoryPresence();
	const handlers = new RoomHandlers<MemorySocket>({
		rooms,
		presence,
		effects: { carryOut: async (_room, effects) => void carriedOut.push(...effects) },
		now: () => 1_000,
		isConnected: async (_roomId, participantId) => connected.has(participantId),
		failed: () => {}
	});
	/** Joins someone through a new socket and confirms the agreements. */
	const joinAs = async (participantId: string, hostKey?: string) => {
		const socket = new MemorySocket();
		const reply = await handlers.join(socket, {
			protocolVersion: PROTOCOL_VERSION,
			roomId,
			participantId,
			participantKey: `key-${participantId}`.padEnd(22, 'k'),
			name: participantId.split('-')[0],
			roleId: 'speaker',
			hostKey
		});
		connected.add(participantId);
		await handlers.command(socket, { type: 'agreements.confirm' });
		return { socket, reply };
	};
	if (!created || !('hostKey' in created)) throw new Error('the test room was not created');
	return { handlers, rooms, presence, roomId, hostKey: created.hostKey, carriedOut, joinAs };
}

describe('joining', () => {
	test('[S1] a payload that does not parse is answered invalid_payload', async () => {
		const { handlers } = await handlersWith();
		expect(await handlers.join(new MemorySocket(), { roomId: 42 })).toMatchObject({
			ok: false,
			error: { code: 'invalid_payload' }
		});
	});

	test('a join records the person and answers their tickets; the host key makes them host', async () => {
		const { handlers, rooms, presence, roomId, hostKey, joinAs } = await handlersWith();
		const { reply } = await joinAs('ana-00001', hostKey);
		expect(reply).toMatchObject({ ok: true, projectorToken: expect.any(String) });
		const room = await rooms.holding(roomId, undefined, async ({ room }) => room.control.read());
		expect(room?.people['ana-00001']).toEqual({ name: 'ana', roleId: 'speaker' });
		expect(room?.host?.participantId).toBe('ana-00001');
		const watcher = new MemorySocket();
		const watched = await handlers.watch(watcher, { roomId });
		expect(watched).toMatchObject({ ok: true, roster: [{ participantId: 'ana-00001' }] });
		expect(watcher.channels).toEqual([`room:${roomId}`]);
		// What the watch answered is what presence is told its watchers here heard.
		const answered = watched.ok && { roster: watched.roster, version: watched.rosterVersion };
		expect(presence.answered).toHaveBeenCalledWith(roomId, answered);
	});

	test('a refused join lets go of the room', async () => {
		const { handlers, rooms, roomId } = await handlersWith();
		const refused = await handlers.join(new MemorySocket(), {
			protocolVersion: PROTOCOL_VERSION,
			roomId,
			participantId: 'ana-00001',
			participantKey: 'k'.repeat(22),
			name: 'Ana',
			roleId: 'no-such-role'
		});
		expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_role' } });
		await vi.waitFor(() => expect(rooms.loadedCount).toBe(0));
	});
});

describe('watching', () => {
	test('[S7, S8] a watch whose roster read fails is followed all the same: heartbeats keep its socket told', async () => {
		const { handlers, presence, roomId } = await handlersWith();
		vi.spyOn(presence, 'roster').mockRejectedValueOnce(new Error('presence store down'));
		const watcher = new MemorySocket();
		await expect(handlers.watch(watcher, { roomId })).rejects.toThrow('presence store down');
		expect(watcher.channels).toEqual([`room:${roomId}`]);
		expect(presence.follow).toHaveBeenCalledWith(roomId);
		expect(presence.answered).not.toHaveBeenCalled();
	});
});

describe('commands', () => {
	test('someone not joined is told to join; the room rules refuse what they refuse', async () => {
		const { handlers, joinAs } = await handlersWith();
		const lock = { type: 'host.lock-room', locked: true };
		expect(await handlers.command(new MemorySocket(), lock)).toMatchObject({
			error: { code: 'not_joined' }
		});
		const { socket } = await joinAs('ben-00002');
		expect(await handlers.command(socket, lock)).toMatchObject({ error: { code: 'not_allowed' } });
	});

	test('a decision’s effects are carried out once it is taken', async () => {
		const { handlers, hostKey, carriedOut, joinAs } = await handlersWith();
		const { socket } = await joinAs('ana-00001', hostKey);
		await joinAs('ben-00002');
		expect(await handlers.command(socket, { type: 'host.lock-room', locked: true })).toEqual({
			ok: true
		});
		expect(
			await handlers.command(socket, { type: 'host.hand-over', participantId: 'ben-00002' })
		).toEqual({ ok: true });
		expect(carriedOut).toEqual([
			{ type: 'announce-lock', locked: true },
			{ type: 'grant-host-key', participantId: 'ben-00002' }
		]);
	});

	test('[S11] a rating before agreeing is refused by the room rules', async () => {
		const { handlers, roomId } = await handlersWith();
		const socket = new MemorySocket();
		await handlers.join(socket, {
			protocolVersion: PROTOCOL_VERSION,
			roomId,
			participantId: 'cy-000003',
			participantKey: 'c'.repeat(22),
			name: 'Cy',
			roleId: 'speaker'
		});
		expect(await handlers.rate(socket, { step: 4, value: 3 })).toMatchObject({
			error: { code: 'not_allowed' }
		});
	});

	test('[S26] refusals name what the browser words them from: an unknown role, a host hand-over to someone away', async () => {
		const { handlers, roomId, hostKey, joinAs } = await handlersWith();
		const unknownRole = await handlers.join(new MemorySocket(), {
			protocolVersion: PROTOCOL_VERSION,
			roomId,
			participantId: 'cy-000003',
			participantKey: 'c'.repeat(22),
			name: 'Cy',
			roleId: 'juggler'
		});
		expect(unknownRole).toMatchObject({
			error: { code: 'unknown_role', params: { role: 'juggler' } }
		});
		const { socket } = await joinAs('ana-00001', hostKey);
		expect(
			await handlers.command(socket, { type: 'host.hand-over', participantId: 'dan-00004' })
		).toMatchObject({
			error: { code: 'invalid_command', params: { reason: 'host_not_connected' } }
		});
	});

	test('[S25] a decision refused as busy is answered busy, and nothing is carried out', async () => {
		const refusing = { refuse: false };
		const lock: RoomLock = {
			shared: false,
			run: (roomId, decide) =>
				refusing.refuse ? Promise.reject(new RoomBusy(roomId, 'held elsewhere')) : decide(undefined)
		};
		const { handlers, hostKey, carriedOut, joinAs } = await handlersWith(lock);
		const { socket } = await joinAs('ana-00001', hostKey);
		refusing.refuse = true;
		expect(await handlers.command(socket, { type: 'host.lock-room', locked: true })).toEqual({
			ok: false,
			error: { code: 'busy', message: 'The room is busy, try again.' }
		});
		expect(carriedOut).toEqual([]);
	});
});
