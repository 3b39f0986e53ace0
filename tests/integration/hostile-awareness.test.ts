import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import {
	CLOSE_TOO_BIG,
	LIMIT_WORDS,
	MAX_AWARENESS_STATE_BYTES,
	MAX_ROOM_AWARENESS_BYTES
} from '../../server/limits/limits';
import { MAX_AWARENESS_IDS_PER_MESSAGE } from '../../server/yjs/awareness-check';
import { cleanupsAfterEach } from '../support/cleanups';
import { awarenessFrame, closeOf, end, roomConnections, sendHandled } from '../support/raw-doc';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

/**
 * Awareness a hostile link-holder sends with raw frames (issue 20, item 7): states capped per
 * state and per room, and owned by the connection that introduced them.
 */

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();
const { synced, raw } = roomConnections(() => server.url, cleanups);

describe('[L8] awareness', () => {
	test('a state over its size closes the connection with 1009; nobody receives it', async () => {
		const room = await createRoom(server.url);
		const holder = await synced(room.id);
		const ws = await raw(room.id);
		const closed = closeOf(ws);
		const big = JSON.stringify({ user: 'b'.repeat(MAX_AWARENESS_STATE_BYTES) });
		await sendHandled(ws, [awarenessFrame([[4242, 1, big]])]);
		expect(await closed).toEqual({ code: CLOSE_TOO_BIG, reason: LIMIT_WORDS.awarenessTooLarge });
		expect(holder.provider.awareness.getStates().has(4242)).toBe(false);
	});

	test('a connection the server closes takes its awareness state with it at once, though it never answers the close', async () => {
		const room = await createRoom(server.url);
		const holder = await synced(room.id);
		const states = holder.provider.awareness.getStates();
		const ws = await raw(room.id);
		await sendHandled(ws, [awarenessFrame([[4244, 1, '{"user":"refused soon"}']])]);
		await waitFor(() => states.has(4244), 'the state');
		// Reads nothing more, so it never answers the server's close: the socket stays open for
		// ws's close timeout (30 s), and before the fix the state stayed in the room as long.
		ws.pause();
		ws.send(Uint8Array.of(99));
		await waitFor(() => !states.has(4244), 'the state to leave with the refusal', 5_000);
	});

	test('a connection cannot set or clear the state of a client another connection introduced', async () => {
		const room = await createRoom(server.url);
		const holder = await synced(room.id);
		const states = holder.provider.awareness.getStates();
		const owner = await raw(room.id);
		await sendHandled(owner, [awarenessFrame([[777, 1, '{"user":"owner"}']])]);
		await waitFor(() => states.has(777), 'the owner’s state');
		const spoofer = await raw(room.id);
		await sendHandled(spoofer, [
			awarenessFrame([[777, 5, '{"user":"spoofed"}']]),
			awarenessFrame([[777, 6, 'null']])
		]);
		// The owner's next change arrives after anything the spoofer's would have done.
		await sendHandled(owner, [awarenessFrame([[777, 2, '{"user":"owner again"}']])]);
		await waitFor(() => states.get(777)?.user === 'owner again', 'the owner’s change');
		const late = await synced(room.id);
		expect(late.provider.awareness.getStates().get(777)).toEqual({ user: 'owner again' });
	});

	test('a newcomer to a room of more than eight people keeps its connection, though the stock provider sends their states back', async () => {
		const room = await createRoom(server.url);
		const people = [];
		for (let n = 0; n < MAX_AWARENESS_IDS_PER_MESSAGE + 2; n++) {
			const person = await synced(room.id);
			person.provider.awareness.setLocalState({ user: `person ${n}` });
			people.push(person);
		}
		const holder = people[0]!;
		const states = holder.provider.awareness.getStates();
		await waitFor(() => states.size === people.length, 'everyone’s state');
		const newcomer = await synced(room.id);
		const closes: number[] = [];
		newcomer.provider.on('connection-close', (event: CloseEvent | null) =>
			closes.push(event?.code ?? 0)
		);
		const seen = newcomer.provider.awareness.getStates();
		await waitFor(() => seen.size > people.length, 'the newcomer to receive everyone’s state');
		newcomer.provider.awareness.setLocalState({ user: 'newcomer' });
		await waitFor(
			() => states.get(newcomer.doc.clientID)?.user === 'newcomer',
			'the newcomer’s state'
		);
		expect(closes).toEqual([]);
	});

	test('a room’s awareness stays within its size: a newcomer downloads at most that much', async () => {
		const room = await createRoom(server.url);
		const holder = await synced(room.id);
		const state = JSON.stringify({ user: 's'.repeat(MAX_AWARENESS_STATE_BYTES - 20) });
		let clientId = 5000;
		// 12 connections of 16 states of ~4 KiB each: 768 KiB, three times the room's size.
		const fillers = [];
		for (let connection = 0; connection < 12; connection++) {
			const ws = await raw(room.id);
			const entries = (): [number, number, string][] =>
				Array.from({ length: 8 }, () => [clientId++, 1, state]);
			await sendHandled(ws, [awarenessFrame(entries()), awarenessFrame(entries())]);
			fillers.push(ws);
		}
		const newcomer = await raw(room.id);
		let largest = 0;
		newcomer.on('message', (data: Buffer) => {
			if (data[0] === 1) largest = Math.max(largest, data.byteLength);
		});
		// Asks for every state: the server answers with one awareness message.
		await sendHandled(newcomer, [Uint8Array.of(3)]);
		expect(largest).toBeGreaterThan(MAX_ROOM_AWARENESS_BYTES / 2);
		expect(largest).toBeLessThan(MAX_ROOM_AWARENESS_BYTES + 16 * 1024);
		// The states leave with their connections, and there is room for others again.
		await Promise.all(fillers.map((ws) => end(ws, true)));
		const states = holder.provider.awareness.getStates();
		await waitFor(() => states.size === 1, 'the states to leave with their connections');
		holder.provider.awareness.setLocalState({ user: 'present' });
		const late = await synced(room.id);
		await waitFor(
			() => late.provider.awareness.getStates().get(holder.doc.clientID)?.user === 'present',
			'a state once the room has room again'
		);
	});
});
