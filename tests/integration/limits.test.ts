import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanupsAfterEach } from '../support/cleanups';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import {
	CLOSE_POLICY_VIOLATION,
	CLOSE_TOO_BIG,
	DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR,
	LIMIT_WORDS,
	MAX_DOCUMENT_BYTES,
	SOCKET_MESSAGE_RATE,
	YJS_MESSAGE_RATE
} from '../../server/limits/limits';
import { message, MESSAGE_SYNC } from '../../server/yjs/room-fanout';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import {
	MAX_JSON_VALUE_CHARACTERS,
	MAX_TEXT_FIELD_CHARACTERS,
	OBSERVATIONS_ARRAY,
	paraphraseTextName
} from '../../src/lib/protocol/room-content';
import type { ProtocolError } from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { connectDoc, connectSocket, connectSynced, participantKeyOf } from '../support/clients';
import { sampleOf } from '../support/metrics';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

/** The abuse limits (docs/protocol.md, "Limits"): each answered as documented, the room intact. */

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();

/** Writes refused for going over a message rate so far (docs/operations.md). */
const refusedForRate = async () =>
	(await sampleOf(server.url, 'practice_room_refused_writes_total{reason="message_rate"}'))!;

type Closed = { code: number; reason: string };

/** A stock client that stays in the room throughout, as a witness of what everyone sees. */
async function witness(roomId: string) {
	const client = await connectSynced(server.url, roomId);
	cleanups.push(() => client.provider.destroy());
	return client;
}

/** What a stock client that connects now receives of the room. */
async function seenByNewcomer(roomId: string) {
	const { doc, provider } = await connectSynced(server.url, roomId);
	const seen = { state: Y.encodeStateAsUpdate(doc), notes: doc.getText(NOTES_TEXT).toString() };
	provider.destroy();
	return seen;
}

/** A room with some notes in it, to check afterwards that it is untouched. */
async function roomWithNotes(notes: string) {
	const room = await createRoom(server.url);
	const { doc } = await witness(room.id);
	doc.getText(NOTES_TEXT).insert(0, notes);
	await waitFor(
		async () => (await seenByNewcomer(room.id)).notes === notes,
		'the notes to be kept'
	);
	return { room, doc, before: await seenByNewcomer(room.id) };
}

/** A raw y-websocket connection, once the server answered (the room is loaded). */
async function openRaw(roomId: string): Promise<{ ws: WebSocket; closed: Promise<Closed> }> {
	const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${roomId}`);
	// A send after the server closed fails here; the close says why.
	ws.on('error', () => {});
	const closed = new Promise<Closed>((resolve) =>
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	await new Promise((resolve) => ws.once('message', resolve));
	cleanups.push(() => ws.terminate());
	return { ws, closed };
}

/** The changes `edit` makes to `doc`, as one y-websocket update frame. */
function updateFrame(doc: Y.Doc, edit: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	edit();
	const update = Y.encodeStateAsUpdate(doc, before);
	return message(MESSAGE_SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** How a stock provider's connection is closed next. */
function nextClose(provider: ReturnType<typeof connectDoc>['provider']): Promise<Closed> {
	return new Promise((resolve) =>
		provider.on('connection-close', (event) => {
			if (event) resolve({ code: event.code, reason: event.reason });
		})
	);
}

/** Checks that another room, untouched by the test, still serves and takes edits. */
async function expectUnaffected(other: Awaited<ReturnType<typeof roomWithNotes>>) {
	expect(await seenByNewcomer(other.room.id)).toEqual(other.before);
	other.doc.getText(NOTES_TEXT).insert(0, 'still here. ');
	await waitFor(
		async () => (await seenByNewcomer(other.room.id)).notes.startsWith('still here. '),
		'an edit in the other room'
	);
}

describe('[L1] message size', () => {
	test('a Yjs frame over 2 MiB closes its connection with 1009; the room is intact', async () => {
		const { room, before } = await roomWithNotes('before the big frame');
		const { ws, closed } = await openRaw(room.id);
		const doc = new Y.Doc();
		ws.send(updateFrame(doc, () => doc.getText('big').insert(0, 'x'.repeat(2 * 1024 * 1024))));
		expect((await closed).code).toBe(CLOSE_TOO_BIG);
		expect(await seenByNewcomer(room.id)).toEqual(before);
	});

	test('a socket.io message over 64 KiB closes that connection only', async () => {
		const { room, before } = await roomWithNotes('before the big event');
		const big = await connectSocket(server.url);
		const other = await connectSocket(server.url);
		cleanups.push(
			() => big.disconnect(),
			() => other.disconnect()
		);
		const disconnected = new Promise((resolve) => big.once('disconnect', resolve));
		// Never answered: the connection closes first.
		big.emit('room:watch', { roomId: room.id, projectorToken: 'x'.repeat(70 * 1024) }, () => {});
		expect(await disconnected).toBe('transport close');
		expect(await other.emitWithAck('room:watch', { roomId: room.id })).toMatchObject({ ok: true });
		expect(await seenByNewcomer(room.id)).toEqual(before);
	});
});

describe('[L2] messages per connection', () => {
	test('a Yjs connection over its rate is closed with 1008, and nothing of the refused frame is applied', async () => {
		const { room, doc: seen } = await roomWithNotes('before the flood');
		const other = await roomWithNotes('another room');
		const refusedBefore = await refusedForRate();
		const { ws, closed } = await openRaw(room.id);
		const flooder = new Y.Doc();
		const sent = YJS_MESSAGE_RATE.capacity + 100;
		for (let n = 0; n < sent; n++) {
			ws.send(updateFrame(flooder, () => flooder.getArray<number>('seq').push([n])));
		}
		expect(await closed).toEqual({
			code: CLOSE_POLICY_VIOLATION,
			reason: LIMIT_WORDS.tooManyMessages
		});
		expect(await refusedForRate()).toBe(refusedBefore + 1);
		const seq = await seenByNewcomer(room.id).then(({ state }) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, state);
			return doc.getArray<number>('seq').toArray();
		});
		// The burst passed; the frame over the rate and everything after it did not.
		expect(seq.length).toBeGreaterThanOrEqual(YJS_MESSAGE_RATE.capacity);
		expect(seq.length).toBeLessThan(sent);
		expect(seq).toEqual(seq.map((_, n) => n));
		await waitFor(() => seen.getArray('seq').length === seq.length, 'the witness to catch up');
		expect(seen.getArray('seq').toArray()).toEqual(seq);
		await expectUnaffected(other);
	});

	test('socket.io events over the rate are answered rate_limited and not handled; repeated, the socket is disconnected', async () => {
		const room = await createRoom(server.url);
		const refusedBefore = await refusedForRate();
		const flooder = await connectSocket(server.url);
		cleanups.push(() => flooder.disconnect());
		const errors: ProtocolError[] = [];
		flooder.on('protocol:error', (error) => errors.push(error));
		const commands = Array.from({ length: 42 }, () =>
			flooder.emitWithAck('control:command', { type: 'hand.raise' })
		);
		const join = flooder.emitWithAck('room:join', {
			protocolVersion: PROTOCOL_VERSION,
			roomId: room.id,
			participantId: 'participant-flooder',
			participantKey: participantKeyOf('participant-flooder'),
			name: 'Flood',
			roleId: 'speaker'
		});
		const replies = await Promise.all(commands);
		expect(replies.slice(0, 40).every((r) => !r.ok && r.error.code === 'not_joined')).toBe(true);
		expect(replies.at(-1)).toEqual({
			ok: false,
			error: { code: 'rate_limited', message: LIMIT_WORDS.slowDown }
		});
		expect(await join).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		// Once the rate allows one more event (a deliberate wait: the refill is the rule under
		// test), it is handled after everything before it: had the join been handled, this
		// command would find the flooder joined.
		await new Promise((resolve) => setTimeout(resolve, 1000 / SOCKET_MESSAGE_RATE.perSecond + 20));
		expect(await flooder.emitWithAck('control:command', { type: 'hand.raise' })).toMatchObject({
			ok: false,
			error: { code: 'not_joined' }
		});

		const disconnected = new Promise((resolve) => flooder.once('disconnect', resolve));
		for (let i = 0; i < 10; i++) flooder.emit('presence:visibility', { visible: true });
		expect(await disconnected).toBe('io server disconnect');
		expect(errors.at(-1)).toEqual({
			code: 'rate_limited',
			message: LIMIT_WORDS.disconnected,
			params: { reason: 'disconnected' }
		});
		// Each event refused or disconnected for, the ones answered above among them.
		expect(await refusedForRate()).toBeGreaterThan(refusedBefore + 2);

		// Others are not affected, and the refused join was not handled: nobody else is in the room.
		const other = await connectSocket(server.url);
		cleanups.push(() => other.disconnect());
		const joined = await other.emitWithAck('room:join', {
			protocolVersion: PROTOCOL_VERSION,
			roomId: room.id,
			participantId: 'participant-other',
			participantKey: participantKeyOf('participant-other'),
			name: 'Other',
			roleId: 'listener'
		});
		expect(joined.ok && joined.roster.map((person) => person.name)).toEqual(['Other']);
	});
});

describe('[L3] document size per room', () => {
	test('an update that would take the room past its size is refused with 1009; the room is intact', async () => {
		const { room, doc: seen } = await roomWithNotes('before the room filled up');
		const other = await roomWithNotes('another room');
		const { ws, closed } = await openRaw(room.id);
		const filler = new Y.Doc();
		/** About 1.9 MB: a thousand fields just under their limit. */
		const fill = (from: number) =>
			updateFrame(filler, () => {
				for (let i = from; i < from + 1000; i++)
					filler.getText(`filler:${i}`).insert(0, 'f'.repeat(1900));
			});
		const frames = Math.ceil(MAX_DOCUMENT_BYTES / 1_900_000);
		for (let frame = 0; frame < frames; frame++) ws.send(fill(frame * 1000));
		expect(await closed).toEqual({ code: CLOSE_TOO_BIG, reason: LIMIT_WORDS.roomFull });

		const after = await seenByNewcomer(room.id);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, after.state);
		// Every frame that fitted is there, the refused one is not.
		expect(doc.getText(`filler:${(frames - 2) * 1000}`).length).toBe(1900);
		expect(doc.getText(`filler:${(frames - 1) * 1000}`).length).toBe(0);
		expect(after.notes).toBe('before the room filled up');
		await waitFor(
			() => Y.encodeStateAsUpdate(seen).byteLength === after.state.byteLength,
			'the witness to have the same document'
		);
		await expectUnaffected(other);
	});
});

describe('[L4] text length per field', () => {
	test('a field over its limit closes the writer with 1009; nobody receives it', async () => {
		const { room, doc: seen, before } = await roomWithNotes('before the long text');
		const writer = await witness(room.id);
		const closes = nextClose(writer.provider);
		const field = paraphraseTextName('round-1', 'feelings');
		writer.doc.getText(field).insert(0, 'a'.repeat(MAX_TEXT_FIELD_CHARACTERS + 1));
		expect(await closes).toEqual({ code: CLOSE_TOO_BIG, reason: LIMIT_WORDS.textTooLong });
		// The stock provider would reconnect, and be refused again.
		writer.provider.disconnect();
		expect(await seenByNewcomer(room.id)).toEqual(before);
		expect(seen.getText(field).length).toBe(0);
	});

	test('a field at its limit is kept', async () => {
		const { room, doc: seen } = await roomWithNotes('before a long but allowed text');
		const writer = await witness(room.id);
		const field = paraphraseTextName('round-1', 'needs');
		writer.doc.getText(field).insert(0, 'n'.repeat(MAX_TEXT_FIELD_CHARACTERS));
		await waitFor(() => seen.getText(field).length === MAX_TEXT_FIELD_CHARACTERS, 'the text');
	});

	test('a JSON value over its limit closes the writer with 1009; the room is intact', async () => {
		const { room, before } = await roomWithNotes('before the long value');
		const writer = await witness(room.id);
		const closes = nextClose(writer.provider);
		writer.doc.getArray(OBSERVATIONS_ARRAY).push([
			{
				participantId: 'participant-1',
				name: 'Ana',
				text: 'o'.repeat(MAX_JSON_VALUE_CHARACTERS),
				at: 1
			}
		]);
		expect(await closes).toEqual({ code: CLOSE_TOO_BIG, reason: LIMIT_WORDS.textTooLong });
		// The stock provider would reconnect, and be refused again.
		writer.provider.disconnect();
		expect(await seenByNewcomer(room.id)).toEqual(before);
	});
});

describe('[L5] rooms started per client address per hour', () => {
	test('past the limit, starting a room is answered 429 with Retry-After; existing rooms work', async () => {
		// A server of its own: the other tests start rooms from the same address.
		const own = await startTestServer();
		cleanups.push(() => own.close());
		const rooms = [];
		for (let n = 0; n < DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR; n++)
			rooms.push(await createRoom(own.url));
		const response = await fetch(`${own.url}/api/rooms`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ playbookId: 'active-listening-sprint' })
		});
		expect(response.status).toBe(429);
		expect(await response.json()).toEqual({
			error: LIMIT_WORDS.tooManyRooms,
			code: 'rate_limited',
			problems: []
		});
		const retryAfter = Number(response.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(3600 / DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR);
		const first = rooms[0]!;
		expect((await fetch(`${own.url}/api/rooms/${first.id}`)).status).toBe(200);
		const { provider } = await connectSynced(own.url, first.id);
		provider.destroy();
	});
});
