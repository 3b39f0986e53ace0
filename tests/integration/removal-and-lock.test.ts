import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { PROJECTOR_CLOSE_REASONS } from '../../src/lib/protocol/doc-close';
import type { Participant } from '../../src/lib/protocol/presence';
import type { ProjectorGrant } from '../../src/lib/protocol/socket-events';
import { cleanupsAfterEach } from '../support/cleanups';
import { connectDoc, connectSocket, joinAs, type JoinedPerson } from '../support/clients';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer({ leaveGraceMs: 150 });
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();

async function joined(roomId: string, name: string, options: Parameters<typeof joinAs>[3] = {}) {
	const person = await joinAs(server.url, roomId, name, options);
	cleanups.push(() => person.socket.disconnect());
	if (!person.reply.ok) throw new Error(person.reply.error.message);
	return { ...person, reply: person.reply };
}

/** A stock provider on the room with `params`, noting every close code and reason the server sends. */
function document(roomId: string, params: Record<string, string> = {}) {
	const client = connectDoc(server.url, roomId, new Y.Doc(), params);
	cleanups.push(() => client.provider.destroy());
	const closes: number[] = [];
	const reasons: string[] = [];
	client.provider.on('connection-close', (event) => {
		if (!event) return;
		closes.push(event.code);
		reasons.push(event.reason);
	});
	const notes = client.doc.getText(NOTES_TEXT);
	return { ...client, closes, reasons, notes };
}

const ticketOf = (person: JoinedPerson & { reply: { ok: true; docTicket: string } }) => ({
	participant: person.id,
	ticket: person.reply.docTicket
});

/** The projector grants `person` receives from now on. */
function grantsTo(person: JoinedPerson): ProjectorGrant[] {
	const grants: ProjectorGrant[] = [];
	person.socket.on('room:projector', (grant) => grants.push(grant));
	return grants;
}

describe('[S20] removing someone ends their projector access', () => {
	test('their open projector connection closes, their link is refused on both channels, and the others get the new link', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const other = await joined(room.id, 'Omar');
		const target = await joined(room.id, 'Rex');
		const oldToken = target.reply.projectorToken;
		const hostGrants = grantsTo(host);
		const otherGrants = grantsTo(other);
		const targetGrants = grantsTo(target);

		// Rex opens the room's projector link on a screen of his own, on both channels.
		const projector = document(room.id, { projector: oldToken });
		await waitFor(() => projector.provider.synced, 'the projector to sync');
		const watcher = await connectSocket(server.url);
		cleanups.push(() => watcher.disconnect());
		expect(
			await watcher.emitWithAck('room:watch', { roomId: room.id, projectorToken: oldToken })
		).toMatchObject({ ok: true });
		const watcherGone = new Promise<void>((resolve) => watcher.once('disconnect', () => resolve()));

		const hostDoc = document(room.id, ticketOf(host));
		await waitFor(() => hostDoc.provider.synced, 'the host’s document to sync');
		expect(await host.send({ type: 'host.remove', participantId: target.id })).toEqual({
			ok: true
		});

		await waitFor(() => projector.closes.includes(4403), 'Rex’s projector to close');
		expect(projector.reasons).toEqual([PROJECTOR_CLOSE_REASONS.replaced]);
		await watcherGone;
		await waitFor(
			() => hostGrants.length === 1 && otherGrants.length === 1,
			'the new projector link to reach the people still in the room'
		);
		const newToken = hostGrants[0]!.projectorToken;
		expect(newToken).not.toBe(oldToken);
		expect(otherGrants).toEqual([{ roomId: room.id, projectorToken: newToken }]);
		expect(targetGrants).toEqual([]);

		// What the room says from now on does not reach Rex's projector.
		hostDoc.notes.insert(0, 'said after Rex left');
		// The old link is refused on both channels; the new one works.
		const again = document(room.id, { projector: oldToken });
		await waitFor(() => again.closes.includes(4403), 'the old projector link to be refused');
		expect(again.reasons).toEqual([PROJECTOR_CLOSE_REASONS.replaced]);
		const socket = await connectSocket(server.url);
		cleanups.push(() => socket.disconnect());
		expect(
			await socket.emitWithAck('room:watch', { roomId: room.id, projectorToken: oldToken })
		).toMatchObject({
			ok: false,
			error: { code: 'not_allowed', params: { reason: 'projector_replaced' } }
		});
		const screen = document(room.id, { projector: newToken });
		await waitFor(
			() => screen.notes.toString() === 'said after Rex left',
			'the new projector link to show the room'
		);
		expect(projector.notes.toString()).toBe('');
		expect(again.notes.toString()).toBe('');
		expect(
			await socket.emitWithAck('room:watch', { roomId: room.id, projectorToken: newToken })
		).toMatchObject({ ok: true });
	});

	test('[Y8] a wrong key of the right shape is not valid even in a room whose link was replaced: only the old key is told replaced', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		expect(await host.send({ type: 'host.remove', participantId: target.id })).toEqual({
			ok: true
		});
		const wrongKey = 'A'.repeat(43);
		const wrong = document(room.id, { projector: wrongKey });
		const old = document(room.id, { projector: target.reply.projectorToken });
		await waitFor(
			() => wrong.closes.includes(4403) && old.closes.includes(4403),
			'both links to be refused'
		);
		expect(wrong.reasons).toEqual([PROJECTOR_CLOSE_REASONS.notValid]);
		expect(old.reasons).toEqual([PROJECTOR_CLOSE_REASONS.replaced]);
		const socket = await connectSocket(server.url);
		cleanups.push(() => socket.disconnect());
		expect(
			await socket.emitWithAck('room:watch', { roomId: room.id, projectorToken: wrongKey })
		).toMatchObject({ ok: false, error: { params: { reason: 'projector_link' } } });
	});

	test('someone joining after the removal gets the new link in their join answer', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		await host.send({ type: 'host.remove', participantId: target.id });
		const late = await joined(room.id, 'Lu');
		expect(late.reply.projectorToken).not.toBe(target.reply.projectorToken);
		const screen = document(room.id, { projector: late.reply.projectorToken });
		await waitFor(() => screen.provider.synced, 'the new projector link to sync');
	});
});

describe('[Y11] locking the room ends the document connections it would not admit now', () => {
	test('a removed person’s ticketless connection closes: nothing it sends reaches anyone, and it receives nothing new', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		const hostDoc = document(room.id, ticketOf(host));
		await waitFor(() => hostDoc.provider.synced, 'the host’s document to sync');
		await host.send({ type: 'host.remove', participantId: target.id });

		// Rex comes back with the stock provider as it comes (no ticket) while the room is open.
		const intruder = document(room.id);
		await waitFor(() => intruder.provider.synced, 'the intruder to sync');
		hostDoc.notes.insert(0, 'before the lock. ');
		await waitFor(() => intruder.notes.toString() === 'before the lock. ', 'the intruder reading');

		expect(await host.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
		await waitFor(() => intruder.closes.includes(4423), 'the intruder’s connection to close');

		intruder.notes.insert(0, 'written after the lock. ');
		// The stock provider stops after a 44xx close; connecting again is refused as well.
		intruder.provider.connect();
		await waitFor(
			() => intruder.closes.filter((code) => code === 4423).length === 2,
			'the intruder to be refused again'
		);
		hostDoc.notes.insert(hostDoc.notes.length, 'after the lock.');
		// An honest reader with a ticket still follows the room, and sees nothing of the intruder.
		const reader = document(room.id, ticketOf(host));
		await waitFor(
			() => reader.notes.toString() === 'before the lock. after the lock.',
			'the host’s later note on a ticketed connection'
		);
		expect(hostDoc.notes.toString()).toBe('before the lock. after the lock.');
		expect(intruder.notes.toString()).toBe('written after the lock. before the lock. ');
		expect(hostDoc.closes).toEqual([]);
	});

	test('someone back under a new identity who left before the lock is shut out with that identity’s ticket too', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		await host.send({ type: 'host.remove', participantId: target.id });
		// Rex joins again under a new identity before the host locks, keeps its ticket, and leaves.
		const ghost = await joined(room.id, 'Hana');
		const ghostDoc = document(room.id, ticketOf(ghost));
		await waitFor(() => ghostDoc.provider.synced, 'the new identity’s document to sync');
		const rosters: Participant[][] = [];
		host.socket.on('presence:roster', (roster) => rosters.push(roster));
		ghost.socket.disconnect();
		await waitFor(
			() => rosters.at(-1)?.find((person) => person.participantId === ghost.id)?.status === 'gone',
			'the roster to show the new identity as gone'
		);

		expect(await host.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
		await waitFor(() => ghostDoc.closes.includes(4423), 'the new identity’s connection to close');
		const again = document(room.id, ticketOf(ghost));
		await waitFor(() => again.closes.includes(4423), 'its ticket to be refused while locked');
		const rejoin = await joinAs(server.url, room.id, 'Hana', { id: ghost.id });
		cleanups.push(() => rejoin.socket.disconnect());
		expect(rejoin.reply).toMatchObject({ ok: false, error: { code: 'room_locked' } });
	});

	test('a participant with their ticket stays connected through the lock', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const guest = await joined(room.id, 'Gil');
		const guestDoc = document(room.id, ticketOf(guest));
		const projector = document(room.id, { projector: guest.reply.projectorToken });
		await waitFor(
			() => guestDoc.provider.synced && projector.provider.synced,
			'the guest and the projector to sync'
		);
		await host.send({ type: 'host.lock-room', locked: true });
		const hostDoc = document(room.id, ticketOf(host));
		await waitFor(() => hostDoc.provider.synced, 'the host’s document to sync');
		hostDoc.notes.insert(0, 'after the lock');
		await waitFor(
			() =>
				guestDoc.notes.toString() === 'after the lock' &&
				projector.notes.toString() === 'after the lock',
			'the guest and the projector to follow the locked room'
		);
		expect([...guestDoc.closes, ...projector.closes]).toEqual([]);
	});
});
