import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import type { Participant } from '../../src/lib/protocol/presence';
import { cleanupsAfterEach } from '../support/cleanups';
import { connectDoc, nextCloseCode, type JoinedPerson } from '../support/clients';
import { instancesOn } from '../support/instances';
import { rostersOf, shown } from '../support/rosters';
import { startRestartableRedis, type RestartableRedis } from '../support/redis-server';
import { createRoom, tempDir } from '../support/server';
import { redisEntries } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

/** Fast heartbeats: an instance that dies is off the roster in five of them (docs/scale-out.md). */
const HEARTBEAT_MS = 200;

let redis: RestartableRedis;
beforeAll(async () => {
	redis = await startRestartableRedis(tempDir());
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
const { instance, synced, joined } = instancesOn(() => redis.url, cleanups, {
	PRESENCE_HEARTBEAT_MS: String(HEARTBEAT_MS)
});

/** The roster `person`'s browser shows: the newest it was sent, its join's answer included. */
function rosterOf(person: JoinedPerson): () => Participant[] {
	const rosters = rostersOf(person.socket);
	if (person.reply.ok)
		rosters.unshift({ roster: person.reply.roster, version: person.reply.rosterVersion });
	return () => shown(rosters) ?? [];
}

const notes = (doc: Y.Doc) => doc.getText(NOTES_TEXT);
const keysOf = async (roomId: string) =>
	(await redisEntries(redis.url)).filter(({ key }) => key.includes(roomId));
const statusOf = (roster: Participant[], id: string) =>
	roster.find((p) => p.participantId === id)?.status;

describe('[M1] two instances serve one room through Redis', () => {
	test('peers on different instances see each other’s edits, control changes and presence', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const onA = await synced(a, room.id);
		const onB = await synced(b, room.id);
		notes(onA.doc).insert(0, 'from A. ');
		await waitFor(() => notes(onB.doc).toString() === 'from A. ', 'A’s edit on B');
		notes(onB.doc).insert(notes(onB.doc).length, 'from B.');
		await waitFor(() => notes(onA.doc).toString() === 'from A. from B.', 'B’s edit on A');

		const ana = await joined(a, room.id, 'Ana', { hostKey: room.hostKey });
		// Listening before Ben joins: the roster his join sends through Redis must reach Ana.
		const anaSees = rosterOf(ana);
		const ben = await joined(b, room.id, 'Ben');
		const benSees = rosterOf(ben);
		await waitFor(() => statusOf(benSees(), ana.id) === 'connected', 'Ana on Ben’s roster');
		await waitFor(() => statusOf(anaSees(), ben.id) === 'connected', 'Ben on Ana’s roster');

		// A control command through A changes the control map B's clients read.
		expect(await ana.send({ type: 'timer.start' })).toEqual({ ok: true });
		await waitFor(
			() =>
				(onB.doc.getMap(CONTROL_MAP).get('timer') as { status?: string } | undefined)?.status ===
				'running',
			'the timer running on B'
		);
	});

	test('a host on one instance removes someone on the other: their socket and document go', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const host = await joined(a, room.id, 'Hana', { hostKey: room.hostKey });
		const guest = await joined(b, room.id, 'Gil');
		const removed = new Promise<void>((resolve) => guest.socket.once('room:removed', resolve));
		const ticket = guest.reply.ok ? guest.reply.docTicket : '';
		const guestDoc = connectDoc(b.url, room.id, new Y.Doc(), { participant: guest.id, ticket });
		cleanups.push(() => guestDoc.provider.destroy());
		await waitFor(() => guestDoc.provider.synced, 'the guest’s document to sync');
		const closed = nextCloseCode(guestDoc.provider);
		expect(await host.send({ type: 'host.remove', participantId: guest.id })).toEqual({
			ok: true
		});
		await removed;
		expect(await closed).toBe(4403);
	});

	test('[S20] a removal on one instance closes the removed person’s projector on the other; the others get the new link', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const host = await joined(a, room.id, 'Hana', { hostKey: room.hostKey });
		const guest = await joined(b, room.id, 'Gil');
		const target = await joined(b, room.id, 'Rex');
		const oldToken = target.reply.ok ? target.reply.projectorToken : '';
		const grants: string[] = [];
		guest.socket.on('room:projector', (grant) => grants.push(grant.projectorToken));
		const projector = connectDoc(b.url, room.id, new Y.Doc(), { projector: oldToken });
		cleanups.push(() => projector.provider.destroy());
		await waitFor(() => projector.provider.synced, 'Rex’s projector to sync on B');
		const closed = nextCloseCode(projector.provider);
		expect(await host.send({ type: 'host.remove', participantId: target.id })).toEqual({
			ok: true
		});
		expect(await closed).toBe(4403);
		await waitFor(() => grants.length === 1, 'the new link to reach Gil on B');
		expect(grants[0]).not.toBe(oldToken);
		const screen = connectDoc(b.url, room.id, new Y.Doc(), { projector: grants[0]! });
		cleanups.push(() => screen.provider.destroy());
		await waitFor(() => screen.provider.synced, 'the new link to work on B');
	});

	test('[Y11] locking through one instance closes a ticketless connection on the other', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const host = await joined(a, room.id, 'Hana', { hostKey: room.hostKey });
		const intruder = await synced(b, room.id);
		const closed = nextCloseCode(intruder.provider);
		expect(await host.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
		expect(await closed).toBe(4423);
		notes(intruder.doc).insert(0, 'after the lock');
		const ticket = host.reply.ok ? host.reply.docTicket : '';
		const reader = connectDoc(b.url, room.id, new Y.Doc(), { participant: host.id, ticket });
		cleanups.push(() => reader.provider.destroy());
		await waitFor(() => reader.provider.synced, 'the host’s ticketed connection on B');
		expect(notes(reader.doc).toString()).toBe('');
	});
});

describe('[M5] erasing through one instance', () => {
	test('ends the room on every instance and leaves nothing of it in Redis', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const host = await joined(a, room.id, 'Hana', { hostKey: room.hostKey });
		const guest = await joined(b, room.id, 'Gil');
		const toldGuest = new Promise<void>((resolve) => guest.socket.once('room:erased', resolve));
		const onB = await synced(b, room.id);
		const closed = nextCloseCode(onB.provider);
		notes(onB.doc).insert(0, 'a secret told on B');
		const holdsTheSecret = async () =>
			(await redisEntries(redis.url)).some(({ value }) => value.includes('a secret told on B'));
		await waitFor(holdsTheSecret, 'the note to be stored');

		expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });
		await toldGuest;
		expect(await closed).toBe(4410);
		await waitFor(async () => (await keysOf(room.id)).length === 0, 'every key to go');
		expect(await holdsTheSecret()).toBe(false);
		expect((await fetch(`${b.url}/api/rooms/${room.id}`)).status).toBe(404);
	});
});

describe('[M2] an instance dies', () => {
	test('its people leave everyone’s roster, and its clients converge on another instance', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const onA = await synced(a, room.id);
		const onB = await synced(b, room.id);
		const ana = await joined(a, room.id, 'Ana');
		const ben = await joined(b, room.id, 'Ben');
		const benSees = rosterOf(ben);
		await waitFor(() => statusOf(benSees(), ana.id) === 'connected', 'Ana on Ben’s roster');

		for (const word of ['one ', 'two ', 'three '])
			notes(onA.doc).insert(notes(onA.doc).length, word);
		await waitFor(() => notes(onB.doc).toString() === 'one two three ', 'A’s words on B');
		// Killed while Ana types: her last word may or may not have left A.
		notes(onA.doc).insert(notes(onA.doc).length, 'four ');
		await a.stop('SIGKILL');

		// Within five heartbeats of B (the stale age plus B's next beat), with room for a busy CI.
		await waitFor(
			() => statusOf(benSees(), ana.id) === 'gone',
			'Ana shown as gone',
			6 * HEARTBEAT_MS + 2_000
		);

		// Ana's browser still has what it typed while A died; it reconnects to B and converges.
		onA.provider.destroy();
		notes(onA.doc).insert(notes(onA.doc).length, 'offline ');
		await synced(b, room.id, onA.doc);
		await waitFor(
			() => notes(onB.doc).toString() === 'one two three four offline ',
			'Ana’s last words on B'
		);
		await joined(b, room.id, 'Ana', { id: ana.id });
		await waitFor(() => statusOf(benSees(), ana.id) === 'connected', 'Ana back on the roster');
	});
});

describe('[M3] Redis stops for a while', () => {
	test('no instance crashes, each keeps its own peers going, and all converge when it is back', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const onA = await synced(a, room.id);
		const alsoOnA = await synced(a, room.id);
		const onB = await synced(b, room.id);
		notes(onA.doc).insert(0, 'before. ');
		await waitFor(() => notes(onB.doc).toString() === 'before. ', 'the first edit on B');

		await redis.stop();
		notes(onA.doc).insert(notes(onA.doc).length, 'A during. ');
		notes(onB.doc).insert(0, 'B during. ');
		// Peers on the same instance still see each other's edits.
		await waitFor(
			() => notes(alsoOnA.doc).toString().includes('A during. '),
			'A’s edit on A’s other client'
		);
		// Someone opening the room on A meanwhile gets it from A's memory.
		const joinsMeanwhile = await synced(a, room.id);
		expect(notes(joinsMeanwhile.doc).toString()).toContain('A during. ');
		await redis.start();

		const expected = (doc: Y.Doc) =>
			notes(doc).toString().includes('A during. ') && notes(doc).toString().includes('B during. ');
		await waitFor(() => expected(onA.doc) && expected(onB.doc), 'both sides to converge', 20_000);
		expect(notes(onA.doc).toString()).toBe(notes(onB.doc).toString());
		for (const server of [a, b]) {
			expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
		}

		// What was typed during the outage was stored: an instance that loads the room from Redis
		// now gives a fresh client all of it.
		const late = await synced(await instance(), room.id);
		expect(notes(late.doc).toString()).toBe(notes(onA.doc).toString());
	});
});

describe('[M4] an instance shuts down (SIGTERM)', () => {
	test('it tells its clients to reconnect, stores what it has, and exits cleanly', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const onA = await synced(a, room.id);
		const closed = nextCloseCode(onA.provider);
		const watcher = await synced(a, room.id);
		notes(onA.doc).insert(0, 'typed just before the shutdown');
		await waitFor(() => notes(watcher.doc).length > 0, 'the edit to reach A');
		expect(await a.stop('SIGTERM')).toBe(0);
		// 1012, "service restart": the provider reconnects (behind a load balancer, elsewhere).
		expect(await closed).toBe(1012);
		// Closing the room wrote its snapshot, with the log position it covers.
		expect((await keysOf(room.id)).map(({ key }) => key)).toContain(
			`pr:room:{${room.id}}:snapshot-at`
		);
		const onB = await synced(b, room.id);
		expect(notes(onB.doc).toString()).toBe('typed just before the shutdown');
	});
});

describe('[M6] awareness crosses instances', () => {
	test('a provider’s awareness state set on one instance reaches a provider on the other, and leaves with it', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url);
		const onA = await synced(a, room.id);
		const onB = await synced(b, room.id);
		// Awareness states are typed `any`: read them as unknown values and compare them as JSON.
		const onBOf = (clientId: number): unknown => onB.provider.awareness.getStates().get(clientId);
		const cursor = { user: { name: 'Ana' }, cursor: { anchor: 3, head: 5 } };
		onA.provider.awareness.setLocalState(cursor);
		await waitFor(
			() => JSON.stringify(onBOf(onA.doc.clientID)) === JSON.stringify(cursor),
			'A’s awareness state on B'
		);
		onA.provider.destroy();
		await waitFor(() => onBOf(onA.doc.clientID) === undefined, 'A’s awareness state to leave B');
	});
});
