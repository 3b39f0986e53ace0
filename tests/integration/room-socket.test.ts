import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanupsAfterEach } from '../support/cleanups';
import type { RunningServer } from '../../server/app';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import type { Participant } from '../../src/lib/protocol/presence';
import type { RosterReply, Reply } from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import {
	connectSocket,
	participantKeyOf,
	connectSynced,
	participantId,
	type TestSocket
} from '../support/clients';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

async function socket(url: string): Promise<TestSocket> {
	const connected = await connectSocket(url);
	cleanups.push(() => connected.disconnect());
	return connected;
}

/** Joins, and confirms the agreements once joined. */
async function join(
	s: TestSocket,
	roomId: string,
	name: string,
	roleId = 'speaker',
	id = participantId()
): Promise<RosterReply> {
	const reply = (await s.emitWithAck('room:join', {
		protocolVersion: PROTOCOL_VERSION,
		roomId,
		participantId: id,
		participantKey: participantKeyOf(id),
		name,
		roleId
	})) as RosterReply;
	if (reply.ok) await s.emitWithAck('control:command', { type: 'agreements.confirm' });
	return reply;
}

/** Sends a raw event, bypassing the typed event map, as a misbehaving client would. */
function sendRaw(s: TestSocket, event: string, ...args: unknown[]): Promise<unknown> {
	// reason: the point is to send what the typed map forbids.
	return (
		s as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> }
	).emitWithAck(event, ...args);
}

/** The last roster `s` received, and every one before it (a roster may last less than a poll). */
function rosterOf(s: TestSocket): { latest: Participant[]; all: Participant[][] } {
	const holder = { latest: [] as Participant[], all: [] as Participant[][] };
	s.on('presence:roster', (roster) => {
		holder.latest = roster;
		holder.all.push(roster);
	});
	return holder;
}

describe.each([
	['embedded presence', () => undefined],
	['Redis presence', () => redis.url]
])('room control over socket.io with %s', (_name, redisUrl) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({ redisUrl: redisUrl() });
	});
	afterAll(() => server.close());

	test('[S2] presence appears for everyone and turns to gone when a person leaves', async () => {
		const room = await createRoom(server.url);
		const a = await socket(server.url);
		const aRoster = rosterOf(a);
		const joinedA = await join(a, room.id, 'Ada', 'speaker');
		expect(joinedA.ok && joinedA.roster.map((p) => p.name)).toEqual(['Ada']);
		const b = await socket(server.url);
		const joinedB = await join(b, room.id, 'Bo', 'listener');
		expect(joinedB.ok && joinedB.roster.map((p) => [p.name, p.roleId, p.status])).toEqual([
			['Ada', 'speaker', 'connected'],
			['Bo', 'listener', 'connected']
		]);
		await waitFor(() => aRoster.latest.length === 2, 'A to see B');
		b.emit('presence:visibility', { visible: false });
		await waitFor(() => aRoster.latest.find((p) => p.name === 'Bo')?.status === 'away', 'B away');
		b.disconnect();
		await waitFor(() => aRoster.latest.find((p) => p.name === 'Bo')?.status === 'gone', 'B gone');
		// Dropped first, for the leave grace (100 ms here: shorter than a poll on a busy machine,
		// so looked for among every roster rather than the latest).
		const bosStatuses = aRoster.all.map((r) => r.find((p) => p.name === 'Bo')?.status);
		expect(bosStatuses.indexOf('dropped')).toBeGreaterThan(bosStatuses.lastIndexOf('away'));
		expect(bosStatuses.indexOf('dropped')).toBeLessThan(bosStatuses.indexOf('gone'));
	});

	test('[S7] watching a room shows its roster before joining, and follows it', async () => {
		const room = await createRoom(server.url);
		const member = await socket(server.url);
		await join(member, room.id, 'Ada', 'speaker');
		const visitor = await socket(server.url);
		const roster = rosterOf(visitor);
		const watched = await visitor.emitWithAck('room:watch', { roomId: room.id });
		expect(watched.ok && watched.roster.map((p) => [p.name, p.roleId])).toEqual([
			['Ada', 'speaker']
		]);
		await join(await socket(server.url), room.id, 'Bo', 'listener');
		await waitFor(() => roster.latest.length === 2, 'the visitor to see Bo arrive');
		expect(
			await visitor.emitWithAck('room:watch', { roomId: 'AAAAAAAAAAAAAAAAAAAAAA' })
		).toMatchObject({
			ok: false,
			error: { code: 'room_not_found' }
		});
	});

	test('[S3] the same participant reconnecting is one person, connected again', async () => {
		const room = await createRoom(server.url);
		const watcher = await socket(server.url);
		const roster = rosterOf(watcher);
		await join(watcher, room.id, 'Ada');
		const id = participantId();
		const first = await socket(server.url);
		await join(first, room.id, 'Bo', 'listener', id);
		first.disconnect();
		await waitFor(() => roster.latest.find((p) => p.name === 'Bo')?.status === 'gone', 'gone');
		const second = await socket(server.url);
		await join(second, room.id, 'Bo', 'listener', id);
		await waitFor(
			() =>
				roster.latest
					.filter((p) => p.name === 'Bo')
					.map((p) => p.status)
					.join() === 'connected',
			'one Bo, connected'
		);
	});

	test('[S5] commands change the shared document; two Nexts at once move one phase', async () => {
		const room = await createRoom(server.url);
		const a = await socket(server.url);
		const b = await socket(server.url);
		await join(a, room.id, 'Ada');
		await join(b, room.id, 'Bo', 'listener');
		const observer = await connectSynced(server.url, room.id);
		cleanups.push(() => observer.provider.destroy());
		const control = observer.doc.getMap(CONTROL_MAP);
		const target = (control.get('step') as number) + 1;
		const replies = await Promise.all([
			a.emitWithAck('control:command', { type: 'step.goto', target }),
			b.emitWithAck('control:command', { type: 'step.goto', target })
		]);
		expect(replies).toEqual([{ ok: true }, { ok: true }]);
		await waitFor(() => control.get('step') === 1, 'phase 2 to arrive');
		expect(await a.emitWithAck('control:command', { type: 'timer.start' })).toEqual({ ok: true });
		await waitFor(
			() => (control.get('timer') as { status: string }).status === 'running',
			'the timer to run'
		);
		expect(control.get('step')).toBe(1);
	});

	test('[S1] malformed payloads get a typed error and change nothing', async () => {
		const room = await createRoom(server.url);
		const s = await socket(server.url);
		const notJoined = (await sendRaw(s, 'control:command', { type: 'timer.start' })) as Reply;
		expect(notJoined).toMatchObject({ ok: false, error: { code: 'not_joined' } });
		for (const payload of [null, 42, 'x', {}, { roomId: room.id }, { ...{ protocolVersion: 1 } }]) {
			expect(await sendRaw(s, 'room:join', payload)).toMatchObject({
				ok: false,
				error: { code: 'invalid_payload' }
			});
		}
		expect(await join(s, room.id, '   ')).toMatchObject({
			ok: false,
			error: { code: 'invalid_payload' }
		});
		expect(await join(s, room.id, 'Ada', 'coach')).toMatchObject({
			ok: false,
			error: { code: 'unknown_role' }
		});
		expect(await join(s, 'AAAAAAAAAAAAAAAAAAAAAA', 'Ada')).toMatchObject({
			ok: false,
			error: { code: 'room_not_found' }
		});
		await join(s, room.id, 'Ada');
		const observer = await connectSynced(server.url, room.id);
		cleanups.push(() => observer.provider.destroy());
		const before = observer.doc.getMap(CONTROL_MAP).toJSON();
		for (const command of [{ type: 'step.goto', target: -1 }, { type: 'explode' }, 'start', null]) {
			expect(await sendRaw(s, 'control:command', command)).toMatchObject({
				ok: false,
				error: { code: 'invalid_payload' }
			});
		}
		expect(await sendRaw(s, 'control:command', { type: 'step.goto', target: 99 })).toMatchObject({
			ok: false,
			error: { code: 'invalid_command' }
		});
		// Events without an acknowledgement, and unknown events, are survived too.
		const raw = s as unknown as { emit(e: string, ...a: unknown[]): void };
		raw.emit('control:command', { type: 'timer.start' });
		raw.emit('no:such:event', { a: 1 });
		expect(await s.emitWithAck('clock:ping')).toMatchObject({ serverTime: expect.any(Number) });
		await waitFor(
			() =>
				(observer.doc.getMap(CONTROL_MAP).get('timer') as { status: string }).status === 'running',
			'the last valid command'
		);
		expect(observer.doc.getMap(CONTROL_MAP).get('step')).toBe(before.step);
	});

	test('[S4] a page from another protocol version is told to reload', async () => {
		const room = await createRoom(server.url);
		const s = await socket(server.url);
		const reply = await s.emitWithAck('room:join', {
			protocolVersion: PROTOCOL_VERSION + 1,
			roomId: room.id,
			participantId: 'participant-s4',
			participantKey: participantKeyOf('participant-s4'),
			name: 'Ada',
			roleId: 'speaker'
		});
		expect(reply).toMatchObject({ ok: false, error: { code: 'protocol_mismatch' } });
		expect(reply.ok === false && reply.error.message).toContain('Reload');
	});

	test('[S9] a socket that leaves while its join is being handled holds nothing', async () => {
		const fresh = await startTestServer({ redisUrl: redisUrl() });
		cleanups.push(() => fresh.close());
		const room = await createRoom(fresh.url);
		const s = await connectSocket(fresh.url);
		void join(s, room.id, 'Quick').catch(() => {});
		s.disconnect();
		// The room is held only by leases; once every one is released it leaves memory.
		await waitFor(async () => {
			const health = (await (await fetch(`${fresh.url}/healthz`)).json()) as {
				roomsLoaded: number;
			};
			return health.roomsLoaded === 0;
		}, 'the room to be released');
	});

	test('[S6] clock pings answer the server time', async () => {
		const s = await socket(server.url);
		const before = Date.now();
		const { serverTime } = await s.emitWithAck('clock:ping');
		expect(serverTime).toBeGreaterThanOrEqual(before);
		expect(serverTime).toBeLessThanOrEqual(Date.now());
	});
});
