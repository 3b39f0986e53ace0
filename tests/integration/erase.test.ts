import * as Y from 'yjs';
import { cleanupsAfterEach } from '../support/cleanups';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { NOTES_TEXT, type ControlCommand } from '../../src/lib/protocol/control';
import type { Reply } from '../../src/lib/protocol/socket-events';
import {
	connectDoc,
	connectSocket,
	connectSynced,
	joinAs,
	type TestSocket
} from '../support/clients';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { redisEntries, sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

/** In the Active Listening Sprint, the first round's rating is step 5 (index 4). */
const RATING_STEP = 4;

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

let counter = 0;
/** A text no other test writes, to look for in the stored bytes. */
const marker = (what: string) => `${what}${process.pid}x${++counter}x${Date.now()}`;

interface Person {
	id: string;
	socket: TestSocket;
	docTicket: string;
	/** Whether this person's socket was told that the room was erased. */
	toldErased(): boolean;
	send(command: ControlCommand): Promise<Reply>;
}

async function join(
	url: string,
	roomId: string,
	options: { id: string; roleId: string; hostKey?: string }
): Promise<Person> {
	const { socket, reply, send } = await joinAs(url, roomId, 'Someone', options);
	cleanups.push(() => socket.disconnect());
	if (!reply.ok) throw new Error(reply.error.message);
	let told = false;
	socket.on('room:erased', () => (told = true));
	return { id: options.id, socket, docTicket: reply.docTicket, toldErased: () => told, send };
}

/** A stock y-websocket client that records the codes its connections were closed with. */
function docClient(url: string, roomId: string, params: Record<string, string> = {}) {
	const client = connectDoc(url, roomId, new Y.Doc(), params);
	cleanups.push(() => client.provider.destroy());
	const closes: number[] = [];
	client.provider.on('connection-close', (event) => {
		if (event) closes.push(event.code);
	});
	return { ...client, closes };
}

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('[S18] end and erase with %s', (_name, useRedis) => {
	let server: RunningServer;
	const dataDir = tempDir();
	beforeAll(async () => {
		server = await startTestServer({ redisUrl: useRedis ? redis.url : undefined, dataDir });
	});
	afterAll(() => server.close());

	/** Everything the store holds right now, as text to search. */
	async function stored(): Promise<string> {
		if (!useRedis) return sqliteBytes(dataDir);
		const entries = await redisEntries(redis.url);
		return entries.map(({ key, value }) => `${key}\n${value}`).join('\n');
	}

	/**
	 * A room with a note typed through the stock client, a sealed rating and a call link (its
	 * passcode a marker), all stored.
	 */
	async function usedRoom(words: string) {
		const room = await createRoom(server.url);
		const host = await join(server.url, room.id, {
			id: marker('hostid'),
			roleId: 'speaker',
			hostKey: room.hostKey
		});
		const rater = await join(server.url, room.id, { id: marker('raterid'), roleId: 'listener' });
		expect(await host.send({ type: 'step.goto', target: RATING_STEP })).toEqual({ ok: true });
		expect(
			await rater.socket.emitWithAck('rating:submit', { step: RATING_STEP, value: 4 })
		).toEqual({ ok: true });
		const passcode = marker('passcode');
		const callLink = `https://meet.example.com/j/1?pwd=${passcode}`;
		expect(await host.send({ type: 'call.set', url: callLink })).toEqual({ ok: true });
		const writer = await connectSynced(server.url, room.id);
		cleanups.push(() => writer.provider.destroy());
		writer.doc.getText(NOTES_TEXT).insert(0, words);
		// The test can see what it then proves gone.
		await waitFor(async () => (await stored()).includes(words), 'the note to be stored');
		await waitFor(async () => (await stored()).includes(passcode), 'the call link to be stored');
		expect(
			(await stored()).includes(rater.id),
			'the rater and their sealed rating are stored'
		).toBe(true);
		return { room, host, rater, writer, passcode };
	}

	test('[Y10] [S23] the host erases: every screen is told, connections close with 4410, no byte is left, the call link included', async () => {
		const kept = await usedRoom(marker('kept note '));
		const words = marker('erased note ');
		const { room, host, rater, passcode } = await usedRoom(words);
		const watcher = await connectSocket(server.url);
		cleanups.push(() => watcher.disconnect());
		let watcherTold = false;
		watcher.on('room:erased', () => (watcherTold = true));
		await watcher.emitWithAck('room:watch', { roomId: room.id });
		const anonymous = docClient(server.url, room.id);
		const ticketed = docClient(server.url, room.id, {
			participant: host.id,
			ticket: host.docTicket
		});
		await waitFor(
			() => anonymous.provider.synced && ticketed.provider.synced,
			'the document connections to sync'
		);

		expect(await rater.send({ type: 'room.erase' })).toMatchObject({
			ok: false,
			error: { code: 'not_allowed' }
		});
		expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });

		await waitFor(
			() => host.toldErased() && rater.toldErased() && watcherTold,
			'every socket of the room to be told'
		);
		await waitFor(
			() => anonymous.closes.includes(4410) && ticketed.closes.includes(4410),
			'every document connection to close with 4410'
		);
		const bytes = await stored();
		for (const trace of [words, passcode, rater.id, host.id, room.id]) {
			expect(bytes.includes(trace), `"${trace}" is still stored`).toBe(false);
		}
		if (useRedis) {
			const keys = (await redisEntries(redis.url)).map(({ key }) => key);
			expect(keys.filter((key) => key.includes(room.id))).toEqual([]);
			expect(keys.filter((key) => key.includes(kept.room.id)).length).toBeGreaterThan(0);
		}

		// The link leads nowhere now; the other room is as it was.
		expect((await fetch(`${server.url}/api/rooms/${room.id}`)).status).toBe(404);
		expect(await host.send({ type: 'timer.start' })).toMatchObject({
			ok: false,
			error: { code: 'not_joined' }
		});
		const rejoin = await joinAs(server.url, room.id, 'Someone', {
			id: host.id,
			roleId: 'speaker'
		});
		cleanups.push(() => rejoin.socket.disconnect());
		expect(rejoin.reply).toMatchObject({ ok: false, error: { code: 'room_not_found' } });
		const late = docClient(server.url, room.id);
		await waitFor(() => late.closes.includes(4404), 'a new connection to find no room');
		expect((await fetch(`${server.url}/api/rooms/${kept.room.id}`)).status).toBe(200);
		const keptCopy = await connectSynced(server.url, kept.room.id);
		cleanups.push(() => keptCopy.provider.destroy());
		expect(keptCopy.doc.getText(NOTES_TEXT).toString()).toBe(
			kept.writer.doc.getText(NOTES_TEXT).toString()
		);
		expect((await stored()).includes(kept.rater.id), 'the other room is stored').toBe(true);
		expect((await stored()).includes(kept.passcode), 'the other room keeps its call').toBe(true);
	});

	test('without a host, the room is erased once everyone present agreed', async () => {
		const room = await createRoom(server.url);
		const ana = await join(server.url, room.id, { id: marker('anaid'), roleId: 'speaker' });
		const ben = await join(server.url, room.id, { id: marker('benid'), roleId: 'listener' });
		expect(await ana.send({ type: 'erase.vote', agree: true })).toEqual({ ok: true });
		expect((await fetch(`${server.url}/api/rooms/${room.id}`)).status).toBe(200);
		expect(await ben.send({ type: 'erase.vote', agree: true })).toEqual({ ok: true });
		await waitFor(() => ana.toldErased() && ben.toldErased(), 'both to be told');
		expect((await fetch(`${server.url}/api/rooms/${room.id}`)).status).toBe(404);
		expect((await stored()).includes(ana.id), 'a name is still stored').toBe(false);
	});

	test('someone who did not agree leaving lets the others’ agreement erase the room', async () => {
		const room = await createRoom(server.url);
		const ana = await join(server.url, room.id, { id: marker('anaid'), roleId: 'speaker' });
		const ben = await join(server.url, room.id, { id: marker('benid'), roleId: 'listener' });
		await ana.send({ type: 'erase.vote', agree: true });
		ben.socket.disconnect();
		await waitFor(() => ana.toldErased(), 'the room to be erased after the leave grace');
		await waitFor(
			async () => (await fetch(`${server.url}/api/rooms/${room.id}`)).status === 404,
			'the room to be gone'
		);
	});
});
