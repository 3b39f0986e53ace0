import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { LockNews } from '../../src/lib/protocol/socket-events';
import { cleanupsAfterEach } from '../support/cleanups';
import { connectSocket, joinAs } from '../support/clients';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer({ leaveGraceMs: 150 });
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();

test('[S22] someone watching a room before joining hears it lock and unlock, and so does everyone in it', async () => {
	const room = await createRoom(server.url);
	const host = await joinAs(server.url, room.id, 'Hana', { hostKey: room.hostKey });
	const member = await joinAs(server.url, room.id, 'Mo');
	const watcher = await connectSocket(server.url);
	cleanups.push(() => {
		for (const socket of [host.socket, member.socket, watcher]) socket.disconnect();
	});
	expect(await watcher.emitWithAck('room:watch', { roomId: room.id })).toMatchObject({ ok: true });
	const heard: Record<string, LockNews[]> = { watcher: [], member: [] };
	watcher.on('room:lock', (news) => heard.watcher!.push(news));
	member.socket.on('room:lock', (news) => heard.member!.push(news));

	expect(await host.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
	expect(await host.send({ type: 'host.lock-room', locked: false })).toEqual({ ok: true });
	const both = [
		{ roomId: room.id, locked: true },
		{ roomId: room.id, locked: false }
	];
	await waitFor(() => heard.watcher!.length === 2 && heard.member!.length === 2, 'the news');
	expect(heard).toEqual({ watcher: both, member: both });
});

test('[S22, S13] the host’s role lapsing unlocks the room, and a watcher hears it', async () => {
	const room = await createRoom(server.url);
	const host = await joinAs(server.url, room.id, 'Hana', { hostKey: room.hostKey });
	const member = await joinAs(server.url, room.id, 'Mo');
	const watcher = await connectSocket(server.url);
	cleanups.push(() => {
		for (const socket of [member.socket, watcher]) socket.disconnect();
	});
	await watcher.emitWithAck('room:watch', { roomId: room.id });
	const heard: LockNews[] = [];
	watcher.on('room:lock', (news) => heard.push(news));
	expect(await host.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
	await waitFor(() => heard.length === 1, 'the lock');
	host.socket.disconnect();
	await waitFor(() => heard.length === 2, 'the unlock');
	expect(heard).toEqual([
		{ roomId: room.id, locked: true },
		{ roomId: room.id, locked: false }
	]);
});
