import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { connectDoc, connectSocket } from '../support/clients';
import { createRoom } from '../support/server';
import { serverWithPeople } from '../support/server-with-people';
import { waitFor } from '../support/wait';

const { server, cleanups, joined } = serverWithPeople({ leaveGraceMs: 150 });

describe('who someone is (participant keys and document tickets)', () => {
	test('[S17] a participant id belongs to the key it first joined with: nobody else can be the host', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const socket = await connectSocket(server.url);
		cleanups.push(() => socket.disconnect());
		const impostor = await socket.emitWithAck('room:join', {
			protocolVersion: PROTOCOL_VERSION,
			roomId: room.id,
			participantId: host.id,
			participantKey: 'z'.repeat(43),
			name: 'Hana',
			roleId: 'listener'
		});
		expect(impostor).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
		expect(
			await socket.emitWithAck('control:command', { type: 'host.lock-room', locked: true })
		).toMatchObject({
			ok: false,
			error: { code: 'not_joined' }
		});
	});

	test('[Y9] a locked room takes document connections only with a participant’s ticket', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		await host.send({ type: 'host.lock-room', locked: true });
		const closes: number[] = [];
		const anonymous = connectDoc(server.url, room.id);
		cleanups.push(() => anonymous.provider.destroy());
		anonymous.provider.on('connection-close', (event) => {
			if (event) closes.push(event.code);
		});
		await waitFor(() => closes.includes(4423), 'the anonymous connection to be refused');
		if (!host.reply.ok) throw new Error('not joined');
		const ticketed = connectDoc(server.url, room.id, new Y.Doc(), {
			participant: host.id,
			ticket: host.reply.docTicket
		});
		cleanups.push(() => ticketed.provider.destroy());
		await waitFor(() => ticketed.provider.synced, 'the host’s connection to sync');
	});

	test('[Y9] removing someone closes their document connection and their ticket stops working', async () => {
		const room = await createRoom(server.url);
		const host = await joined(room.id, 'Hana', { hostKey: room.hostKey });
		const target = await joined(room.id, 'Rex');
		if (!target.reply.ok) throw new Error('not joined');
		const params = { participant: target.id, ticket: target.reply.docTicket };
		const doc = connectDoc(server.url, room.id, new Y.Doc(), params);
		cleanups.push(() => doc.provider.destroy());
		await waitFor(() => doc.provider.synced, 'the connection to sync');
		const closes: number[] = [];
		doc.provider.on('connection-close', (event) => {
			if (event) closes.push(event.code);
		});
		await host.send({ type: 'host.remove', participantId: target.id });
		await waitFor(() => closes.includes(4403), 'their connection to close');
		// A new connection with the same ticket is refused too.
		const again = connectDoc(server.url, room.id, new Y.Doc(), params);
		cleanups.push(() => again.provider.destroy());
		const refused: number[] = [];
		again.provider.on('connection-close', (event) => {
			if (event) refused.push(event.code);
		});
		await waitFor(() => refused.includes(4403), 'the ticket to be refused');
	});
});
