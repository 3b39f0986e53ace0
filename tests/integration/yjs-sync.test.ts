import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { cleanupsAfterEach } from '../support/cleanups';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { ROOM_DOC_MIGRATIONS, SCHEMA_VERSION_KEY } from '../../server/rooms/room-doc-version';
import { message, MESSAGE_AWARENESS } from '../../server/yjs/room-fanout';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { initialControlState } from '../../src/lib/room/control';
import { connectDoc, connectSynced } from '../support/clients';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

const cleanups = cleanupsAfterEach();

async function server(dataDir = tempDir()): Promise<RunningServer> {
	const running = await startTestServer({ dataDir });
	cleanups.push(() => running.close());
	return running;
}

async function synced(baseUrl: string, roomId: string) {
	const client = await connectSynced(baseUrl, roomId);
	cleanups.push(() => client.provider.destroy());
	return client;
}

const notes = (doc: Y.Doc) => doc.getText(NOTES_TEXT).toString();

/** Opens a raw WebSocket and answers how the server closed it. */
function closeOf(
	url: string,
	send?: (ws: WebSocket) => void
): Promise<{ code: number; reason: string }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url);
		ws.on('open', () => send?.(ws));
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
		ws.on('error', reject);
	});
}

describe('Yjs sync with the stock y-websocket provider', () => {
	test('[Y1] two documents in one room converge', async () => {
		const { url } = await server();
		const room = await createRoom(url);
		const a = await synced(url, room.id);
		const b = await synced(url, room.id);
		a.doc.getText(NOTES_TEXT).insert(0, 'She felt unheard ');
		b.doc.getText(NOTES_TEXT).insert(0, 'Needs: clarity. ');
		await waitFor(() => notes(a.doc) === notes(b.doc) && notes(a.doc).length === 33, 'convergence');
		expect(notes(a.doc)).toContain('She felt unheard');
		expect(notes(a.doc)).toContain('Needs: clarity.');
	});

	test('[Y2] a late joiner receives the whole state, including the control map', async () => {
		const { url } = await server();
		const room = await createRoom(url);
		const a = await synced(url, room.id);
		const witness = await synced(url, room.id);
		a.doc.getText(NOTES_TEXT).insert(0, 'written before you came');
		await waitFor(() => notes(witness.doc) === 'written before you came', 'the server to relay');
		const late = await synced(url, room.id);
		expect(notes(late.doc)).toBe('written before you came');
		expect(late.doc.getMap(CONTROL_MAP).get('step')).toBe(0);
	});

	test('[Y1] awareness reaches the others, and leaves with its connection', async () => {
		const { url } = await server();
		const room = await createRoom(url);
		const a = await synced(url, room.id);
		const b = await synced(url, room.id);
		a.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
		const aId = a.doc.clientID;
		await waitFor(
			() =>
				(b.provider.awareness.getStates().get(aId) as { cursor?: { anchor: number } } | undefined)
					?.cursor?.anchor === 7,
			'B to see A’s cursor'
		);
		a.provider.destroy();
		await waitFor(() => !b.provider.awareness.getStates().has(aId), 'A’s cursor to leave with A');
	});

	test('[Y4] an unknown or malformed room id is closed with 4404 and a reason', async () => {
		const { url } = await server();
		const ws = url.replace(/^http/, 'ws');
		expect(await closeOf(`${ws}/yjs/AAAAAAAAAAAAAAAAAAAAAA`)).toEqual({
			code: 4404,
			reason: 'room not found'
		});
		expect((await closeOf(`${ws}/yjs/not-a-room`)).code).toBe(4404);
	});

	test('[Y5] garbage frames close only the sender and leave the room working', async () => {
		const { url } = await server();
		const room = await createRoom(url);
		const a = await synced(url, room.id);
		const b = await synced(url, room.id);
		const garbage: Uint8Array[] = [
			new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f]), // update with a huge declared length
			new Uint8Array([0, 9]), // unknown sync step
			new Uint8Array([7, 1, 2, 3]), // unknown message type
			new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]), // an update that is not a Yjs update
			new Uint8Array([]) // empty
		];
		for (const frame of garbage) {
			const closed = await closeOf(`${url.replace(/^http/, 'ws')}/yjs/${room.id}`, (ws) =>
				ws.send(frame)
			);
			expect(closed.code).toBe(1007);
		}
		expect(
			(await closeOf(`${url.replace(/^http/, 'ws')}/yjs/${room.id}`, (ws) => ws.send('hello'))).code
		).toBe(1003);
		a.doc.getText(NOTES_TEXT).insert(0, 'still here');
		await waitFor(() => notes(b.doc) === 'still here', 'the room to keep syncing');
		expect((await fetch(`${url}/healthz`)).status).toBe(200);
	});

	test('[Y5] an awareness state nested 20,000 levels deep closes only its sender; newcomers still sync', async () => {
		const { url } = await server();
		const room = await createRoom(url);
		const a = await synced(url, room.id);
		// One ~40 KB frame: parsing it is fine, but JSON.stringify of it, which every later
		// awareness message for the room runs, overflows the stack.
		const deep = `{"cursor":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
		const frame = message(MESSAGE_AWARENESS, (encoder) => {
			const update = encoding.createEncoder();
			encoding.writeVarUint(update, 1);
			encoding.writeVarUint(update, 424242);
			encoding.writeVarUint(update, 1);
			encoding.writeVarString(update, deep);
			encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
		});
		const closed = await closeOf(`${url.replace(/^http/, 'ws')}/yjs/${room.id}`, (ws) =>
			ws.send(frame)
		);
		expect(closed.code).toBe(1007);

		const b = await synced(url, room.id);
		expect(b.provider.awareness.getStates().has(424242)).toBe(false);
		a.doc.getText(NOTES_TEXT).insert(0, 'still here');
		await waitFor(() => notes(b.doc) === 'still here', 'the room to keep syncing');
	});

	test('[Y3] client writes to the control map are dropped: new key, overwrite and delete', async () => {
		const { url } = await server();
		const room = await createRoom(url);
		const witness = await synced(url, room.id);
		const initial = witness.doc.getMap(CONTROL_MAP).toJSON();
		const writer = await synced(url, room.id);
		const control = writer.doc.getMap(CONTROL_MAP);
		control.set('step', 5); // overwrite of a server key: names only a server origin
		control.set('host', 'me'); // new key: names control as its parent
		control.delete('timer'); // delete of a server item
		// Content sent afterwards arrives in order, so the control writes were handled before it.
		writer.doc.getText(NOTES_TEXT).insert(0, 'marker');
		await waitFor(() => notes(witness.doc) === 'marker', 'the content update to arrive');
		expect(witness.doc.getMap(CONTROL_MAP).toJSON()).toEqual(initial);
		const late = await synced(url, room.id);
		expect(late.doc.getMap(CONTROL_MAP).toJSON()).toEqual({
			...initialControlState(findBuiltInPlaybook('active-listening-sprint')!),
			[SCHEMA_VERSION_KEY]: ROOM_DOC_MIGRATIONS.length
		});
		// The dropping client's own later content edits still arrive: its step 2 on reconnect
		// carries its whole delete set, and deletions the server made itself are harmless.
		writer.provider.disconnect();
		writer.provider.connect();
		await waitFor(() => writer.provider.synced, 'the writer to resync');
		expect(notes(late.doc)).toBe('marker');
	});

	test('[Y6] a restarted server still has the document', async () => {
		const dataDir = tempDir();
		const first = await startTestServer({ dataDir });
		const room = await createRoom(first.url);
		const writer = await connectSynced(first.url, room.id);
		const witness = await connectSynced(first.url, room.id);
		writer.doc.getText(NOTES_TEXT).insert(0, 'kept across a restart');
		await waitFor(() => notes(witness.doc) === 'kept across a restart', 'the server to relay');
		writer.provider.destroy();
		witness.provider.destroy();
		await first.close();
		const second = await server(dataDir);
		const reader = await synced(second.url, room.id);
		expect(notes(reader.doc)).toBe('kept across a restart');
	});

	test('[Y7] edits made while the server is down merge when it comes back', async () => {
		const dataDir = tempDir();
		const first = await startTestServer({ dataDir });
		const { port } = first;
		const room = await createRoom(first.url);
		const a = connectDoc(first.url, room.id);
		cleanups.push(() => a.provider.destroy());
		await waitFor(() => a.provider.synced, 'first sync');
		await first.close();
		await waitFor(() => !a.provider.wsconnected, 'the client to notice the server is gone');
		a.doc.getText(NOTES_TEXT).insert(0, 'typed offline');
		// A new server on the same port and data takes the client back.
		const second = await startTestServer({ dataDir, port });
		cleanups.push(() => second.close());
		const b = await synced(second.url, room.id);
		await waitFor(() => notes(b.doc) === 'typed offline', 'the offline edit to merge');
	});
});
