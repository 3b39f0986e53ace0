import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from '../support/cleanups';
import { connectSynced, joinAs } from '../support/clients';
import { createRoom, startTestServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer({ leaveGraceMs: 150 });
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();

async function joined(roomId: string, name: string) {
	const person = await joinAs(server.url, roomId, name);
	cleanups.push(() => person.socket.disconnect());
	if (!person.reply.ok) throw new Error(person.reply.error.message);
	return person;
}

test('[S5, S21] a move pressed on a step the room has since left is refused and changes nothing', async () => {
	const room = await createRoom(server.url);
	const ana = await joined(room.id, 'Ana');
	const ben = await joined(room.id, 'Ben');
	expect(await ana.send({ type: 'step.goto', target: 1, from: 0 })).toEqual({ ok: true });
	// Ben pressed Previous on step 1 (kept while he was cut off); Ana moved the room on to step 2
	// in the instant before his press arrived.
	expect(await ana.send({ type: 'step.goto', target: 2, from: 1 })).toEqual({ ok: true });
	expect(await ben.send({ type: 'step.goto', target: 0, from: 1 })).toEqual({
		ok: false,
		error: {
			code: 'invalid_command',
			message: 'The room moved on before your move arrived, so it was not made.',
			params: { reason: 'moved_on' }
		}
	});
	const watch = await connectSynced(server.url, room.id);
	cleanups.push(() => watch.provider.destroy());
	expect(watch.doc.getMap(CONTROL_MAP).get('step')).toBe(2);
});

test('[S5] the same move from two people, and a move from a tab that names no step, still work', async () => {
	const room = await createRoom(server.url);
	const ana = await joined(room.id, 'Ana');
	const ben = await joined(room.id, 'Ben');
	expect(await ana.send({ type: 'step.goto', target: 1, from: 0 })).toEqual({ ok: true });
	// Ben meant the same Next: the room is already there.
	expect(await ben.send({ type: 'step.goto', target: 1, from: 0 })).toEqual({ ok: true });
	// A tab from before `from` existed (protocol 4) moves the room as it always did.
	expect(await ben.send({ type: 'step.goto', target: 2 })).toEqual({ ok: true });
	const watch = await connectSynced(server.url, room.id);
	cleanups.push(() => watch.provider.destroy());
	expect(watch.doc.getMap(CONTROL_MAP).get('step')).toBe(2);
});
