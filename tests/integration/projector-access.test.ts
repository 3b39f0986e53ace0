import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { PROJECTOR_CLOSE_REASONS } from '../../src/lib/protocol/doc-close';
import { connectDoc, connectSocket, connectSynced } from '../support/clients';
import { createRoom } from '../support/server';
import { serverWithPeople } from '../support/server-with-people';
import { waitFor } from '../support/wait';

const { server, cleanups, joined, observe } = serverWithPeople({ leaveGraceMs: 150 });

describe('the projector', () => {
	test('a projector connection reads the room but the server takes no write from it', async () => {
		const room = await createRoom(server.url);
		const person = await joined(room.id, 'Ana');
		if (!person.reply.ok) throw new Error('not joined');
		const token = person.reply.projectorToken;
		// The stock provider with the projector link's parameter.
		const { doc, provider } = connectDoc(server.url, room.id, new Y.Doc(), { projector: token });
		cleanups.push(() => provider.destroy());
		await waitFor(() => provider.synced, 'the projector to sync');
		expect(doc.getMap(CONTROL_MAP).get('step')).toBe(0);

		doc.getText('notes').insert(0, 'written on the projector');
		const watch = await observe(room.id);
		// A write from an ordinary client after it, to know the projector's would have arrived.
		const writer = await connectSynced(server.url, room.id);
		cleanups.push(() => writer.provider.destroy());
		writer.doc.getText('notes').insert(0, 'from a participant');
		await waitFor(
			() => watch.doc.getText('notes').toString() === 'from a participant',
			'the participant’s note'
		);
		expect(watch.doc.getText('notes').toString()).not.toContain('projector');
	});

	test('a wrong projector token is refused on both channels', async () => {
		const room = await createRoom(server.url);
		const socket = await connectSocket(server.url);
		cleanups.push(() => socket.disconnect());
		expect(
			await socket.emitWithAck('room:watch', { roomId: room.id, projectorToken: 'x'.repeat(43) })
		).toEqual({
			ok: false,
			error: {
				code: 'not_allowed',
				message: 'This projector link is not valid for this room.',
				params: { reason: 'projector_link' }
			}
		});
		const closes: string[] = [];
		const { provider } = connectDoc(server.url, room.id, new Y.Doc(), {
			projector: 'y'.repeat(43)
		});
		cleanups.push(() => provider.destroy());
		provider.on('connection-close', (event) => {
			if (event) closes.push(`${event.code} ${event.reason}`);
		});
		await waitFor(() => closes.length > 0, 'the connection to be refused');
		// Nobody was removed from this room: the link is not valid, not replaced (Y8).
		expect(closes).toEqual([`4403 ${PROJECTOR_CLOSE_REASONS.notValid}`]);
	});

	test('a projector never counts as a participant and cannot send commands', async () => {
		const room = await createRoom(server.url);
		const person = await joined(room.id, 'Ana');
		if (!person.reply.ok) throw new Error('not joined');
		const projector = await connectSocket(server.url);
		cleanups.push(() => projector.disconnect());
		const watched = await projector.emitWithAck('room:watch', {
			roomId: room.id,
			projectorToken: person.reply.projectorToken
		});
		expect(watched).toMatchObject({ ok: true });
		expect(await projector.emitWithAck('control:command', { type: 'room.pause' })).toMatchObject({
			ok: false,
			error: { code: 'not_joined' }
		});
	});
});
