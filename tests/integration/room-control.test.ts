import * as Y from 'yjs';
import { cleanupsAfterEach } from '../support/cleanups';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { CONTROL_MAP, MAX_PARTICIPANTS } from '../../src/lib/protocol/control';
import { PROJECTOR_CLOSE_REASONS } from '../../src/lib/protocol/doc-close';
import { playbookSchema } from '../../src/lib/protocol/playbook';
import { listeningCircle } from '../../src/lib/playbooks/built-in/listening-circle';
import { planSteps } from '../../src/lib/room/steps';
import type { HostKeyGrant } from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import {
	connectDoc,
	connectSocket,
	connectSynced,
	joinAs,
	type JoinedPerson
} from '../support/clients';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer({ leaveGraceMs: 150 });
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();

type Person = JoinedPerson;

async function person(
	roomId: string,
	name: string,
	options: Parameters<typeof joinAs>[3] = {}
): Promise<Person> {
	const joined = await joinAs(server.url, roomId, name, options);
	cleanups.push(() => joined.socket.disconnect());
	return joined;
}

async function joined(roomId: string, name: string, options: Parameters<typeof person>[2] = {}) {
	const p = await person(roomId, name, options);
	if (!p.reply.ok) throw new Error(p.reply.error.message);
	return p;
}

async function observe(roomId: string) {
	const client = await connectSynced(server.url, roomId);
	cleanups.push(() => client.provider.destroy());
	const control = client.doc.getMap(CONTROL_MAP);
	return { doc: client.doc, get: (key: string) => control.get(key) };
}

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

describe('circles without a host', () => {
	test('when everyone present is ready, the next phase starts by itself', async () => {
		const room = await createRoom(server.url);
		const people = await Promise.all(['Ana', 'Ben', 'Cy'].map((name) => joined(room.id, name)));
		const watch = await observe(room.id);
		for (const p of people.slice(0, 2)) {
			expect(await p.send({ type: 'ready.set', step: 0, ready: true })).toEqual({ ok: true });
		}
		expect(watch.get('step')).toBe(0);
		await people[2]!.send({ type: 'ready.set', step: 0, ready: true });
		await waitFor(() => watch.get('step') === 1, 'the next phase');
		expect(watch.get('ready')).toEqual([]);
	});

	test('the server records each round’s speaker as it starts; a round that is over keeps it (issue 19.3)', async () => {
		const room = await createRoom(server.url, 'listening-circle');
		const names = ['Ana', 'Ben', 'Cy', 'Di', 'Eve'];
		const people: Person[] = [];
		for (const [index, name] of names.entries()) {
			people.push(await joined(room.id, name, { roleId: index === 0 ? 'speaker' : 'listener' }));
		}
		const watch = await observe(room.id);
		const speakers = () =>
			(watch.get('speakers') ?? []) as { round: number; participantId: string }[];
		// One turn per person: a round for each of the five, not the playbook's four.
		await waitFor(() => watch.get('rounds') === 5, 'a round per person');
		const plan = planSteps({ ...playbookSchema.parse(listeningCircle), rounds: 5 });
		const startOf = (round: number) => plan.findIndex((s) => s.repeats && s.round === round);
		const [ana, ben] = people as [Person, Person];
		expect(await ana.send({ type: 'step.goto', target: startOf(1) })).toEqual({ ok: true });
		await waitFor(() => speakers().length === 1, 'round 1 on record');
		expect(speakers()).toEqual([{ round: 1, participantId: ana.id }]);
		expect(await ben.send({ type: 'step.goto', target: startOf(2) })).toEqual({ ok: true });
		await waitFor(() => speakers().length === 2, 'round 2 on record');
		expect(speakers()[1]).toEqual({ round: 2, participantId: ben.id });
		expect(watch.get('movedBy')).toBe(ben.id);

		// Ana, who spoke in round 1, and Ben, speaking now, leave: round 1 stays Ana's, round 2
		// goes to the next person who has not spoken, and the rounds are round 1 plus one for each
		// of Cy, Di and Eve.
		ana.socket.disconnect();
		ben.socket.disconnect();
		await waitFor(() => speakers()[1]?.participantId === people[2]!.id, 'round 2 passed on');
		expect(speakers()[0]).toEqual({ round: 1, participantId: ana.id });
		await waitFor(() => watch.get('rounds') === 4, 'rounds for those present');
	});

	test('the thirteenth participant is told the room is full', async () => {
		const room = await createRoom(server.url);
		for (let n = 0; n < MAX_PARTICIPANTS; n++) await joined(room.id, `P${n}`);
		const thirteenth = await person(room.id, 'Extra');
		expect(thirteenth.reply).toMatchObject({ ok: false, error: { code: 'room_full' } });
		expect(!thirteenth.reply.ok && thirteenth.reply.error.message).toContain('This room is full');
	});
});

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

describe('[S23] the call link', () => {
	test('the server keeps only an https link without a name or password, written as a browser writes it', async () => {
		const room = await createRoom(server.url);
		const ana = await joined(room.id, 'Ana');
		const watch = await observe(room.id);
		for (const url of [
			'http://meet.example.com/abc',
			'javascript:alert(1)',
			'https://ana:secret@meet.example.com/abc',
			`https://meet.example.com/${'a'.repeat(1_000)}`,
			// The URL parser would drop a tab or newline, and encode a space, without a word.
			'https://meet.example.com/abc def',
			'https://meet.exa\tmple.com/abc',
			'https://meet.example.com/abc\ndef',
			'https://evil.example\r\n.meet.example.com/abc'
		]) {
			expect(await ana.send({ type: 'call.set', url }), url).toMatchObject({
				ok: false,
				error: { code: 'invalid_payload' }
			});
		}
		expect(watch.get('call')).toBeNull();

		expect(await ana.send({ type: 'call.set', url: ' https://Meet.Example.com/abc ' })).toEqual({
			ok: true
		});
		await waitFor(() => watch.get('call') !== null, 'the call link');
		expect(watch.get('call')).toEqual({ url: 'https://meet.example.com/abc', setBy: ana.id });
		expect(await ana.send({ type: 'call.set', url: null })).toEqual({ ok: true });
		await waitFor(() => watch.get('call') === null, 'the call link to be removed');
	});
});
