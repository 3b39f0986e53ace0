import { describe, expect, test } from 'vitest';
import type { HostKeyGrant } from '../../src/lib/protocol/socket-events';
import { createRoom } from '../support/server';
import { serverWithPeople } from '../support/server-with-people';
import { waitFor } from '../support/wait';

const { server, person, joined, observe } = serverWithPeople({ leaveGraceMs: 150 });

describe('host control, enforced by the server', () => {
	test('a non-host cannot change phases when the host locked control; nothing changes', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const other = await joined(room.id, 'Omar');
		const watch = await observe(room.id);
		await waitFor(
			() => (watch.get('host') as { participantId?: string } | null)?.participantId === host.id,
			'the host'
		);
		expect(await host.send({ type: 'host.lock-control', locked: true })).toEqual({ ok: true });
		expect(await other.send({ type: 'step.goto', target: 1 })).toEqual({
			ok: false,
			error: {
				code: 'not_allowed',
				message: 'The host has locked the phase and timer controls.',
				params: { reason: 'controls_locked' }
			}
		});
		expect(await other.send({ type: 'timer.start' })).toMatchObject({ ok: false });
		expect(await other.send({ type: 'host.lock-control', locked: false })).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
		expect(watch.get('step')).toBe(0);
		// The right to pause is never locked.
		expect(await other.send({ type: 'room.pause' })).toEqual({ ok: true });
		expect(await host.send({ type: 'step.goto', target: 1 })).toMatchObject({
			ok: false,
			error: { message: 'The room is paused for everyone. Resume it first.' }
		});
		expect(await other.send({ type: 'room.resume' })).toEqual({ ok: true });
		expect(await host.send({ type: 'step.goto', target: 1 })).toEqual({ ok: true });
		await waitFor(() => watch.get('step') === 1, 'the host’s step');
	});

	test('a wrong host key makes nobody host', async () => {
		const room = await createRoom(server.url);
		const other = await createRoom(server.url);
		const guest = await joined(room.id, 'Gus', { hostKey: other.hostKey });
		expect(await guest.send({ type: 'host.lock-room', locked: true })).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
	});

	test('when the host disconnects for longer than the grace, control returns to everyone', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const other = await joined(room.id, 'Omar');
		await host.send({ type: 'host.lock-control', locked: true });
		const watch = await observe(room.id);
		host.socket.disconnect();
		await waitFor(() => watch.get('host') === null, 'control to return to everyone');
		expect(await other.send({ type: 'step.goto', target: 1 })).toEqual({ ok: true });

		// Back with the key, the host is host again.
		const back = await joined(room.id, 'Hana', { hostKey: room.hostKey, id: host.id });
		await waitFor(
			() => (watch.get('host') as { participantId?: string } | null)?.participantId === back.id,
			'the host to be back'
		);
	});

	test('handing over gives the new host a new key; the old key stops working', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const heir = await joined(room.id, 'Ivo');
		const grant = new Promise<HostKeyGrant>((resolve) => heir.socket.once('host:key', resolve));
		expect(await host.send({ type: 'host.hand-over', participantId: heir.id })).toEqual({
			ok: true
		});
		const { hostKey, roomId } = await grant;
		expect(roomId).toBe(room.id);
		expect(hostKey).not.toBe(room.hostKey);
		expect(await heir.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
		expect(await host.send({ type: 'host.lock-room', locked: false })).toMatchObject({ ok: false });

		// Both leave; the old host comes back first with the old key and is not host.
		host.socket.disconnect();
		heir.socket.disconnect();
		const old = await joined(room.id, 'Hana', { hostKey: room.hostKey, id: host.id });
		expect(await old.send({ type: 'host.lock-room', locked: false })).toMatchObject({ ok: false });
		const heirBack = await joined(room.id, 'Ivo', { hostKey, id: heir.id });
		expect(await heirBack.send({ type: 'host.lock-room', locked: false })).toEqual({ ok: true });
	});

	test('the host removes someone: their connection closes and they cannot come back', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		const removed = new Promise<void>((resolve) => target.socket.once('room:removed', resolve));
		const closed = new Promise<void>((resolve) =>
			target.socket.once('disconnect', () => resolve())
		);
		expect(await host.send({ type: 'host.remove', participantId: target.id })).toEqual({
			ok: true
		});
		await removed;
		await closed;
		const again = await person(room.id, 'Rex', { id: target.id });
		expect(again.reply).toMatchObject({ ok: false, error: { code: 'removed' } });
	});

	test('a locked room refuses new people and lets earlier ones back', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const early = await joined(room.id, 'Eli');
		await host.send({ type: 'host.lock-room', locked: true });
		const late = await person(room.id, 'Lu');
		expect(late.reply).toEqual({
			ok: false,
			error: {
				code: 'room_locked',
				message: 'This room is locked: the host is not letting anyone new in right now.'
			}
		});
		early.socket.disconnect();
		expect((await person(room.id, 'Eli', { id: early.id })).reply.ok).toBe(true);
	});
});
