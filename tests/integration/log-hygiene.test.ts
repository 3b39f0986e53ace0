import { randomBytes } from 'node:crypto';
import { format } from 'node:util';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { redirectLog } from '../../server/log';
import { ScriptDoc } from '../../src/lib/client/script-doc';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import type { RosterReply } from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import {
	connectSocket,
	connectSynced,
	joinAs,
	participantId,
	participantKeyOf
} from '../support/clients';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { postJson } from '../support/http';
import { webmClip } from '../support/opus-clips';

/** In the Active Listening Sprint, the first round's rating is step 5 (index 4). */
const RATING_STEP = 4;

/** Everything the server writes: its log, and whatever still goes to the console. */
const written: string[] = [];
let restoreLog: () => void;
beforeAll(() => {
	restoreLog = redirectLog({ write: (line: string) => written.push(line) });
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			written.push(format(...args));
		});
	}
});
afterAll(() => {
	restoreLog();
	vi.restoreAllMocks();
});

/** Opens a raw WebSocket, sends `frame` and answers the close code. */
function closeCodeAfter(url: string, frame: Uint8Array): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url);
		ws.on('open', () => ws.send(frame));
		ws.on('close', (code) => resolve(code));
		ws.on('error', reject);
	});
}

test('what people write never reaches the log, while room ids, sizes and events do', async () => {
	const marker = `zq${randomBytes(6).toString('hex')}`;
	const name = `Ottoline Vexbridge ${marker}`;
	const server = await startTestServer({ logLevel: 'trace' });
	const room = await createRoom(server.url);

	const socket = await connectSocket(server.url);
	const id = participantId();
	const joined = (await socket.emitWithAck('room:join', {
		protocolVersion: PROTOCOL_VERSION,
		roomId: room.id,
		participantId: id,
		participantKey: participantKeyOf(id),
		name,
		roleId: 'speaker'
	})) as RosterReply;
	expect(joined.ok).toBe(true);
	expect(await socket.emitWithAck('control:command', { type: 'agreements.confirm' })).toEqual({
		ok: true
	});

	const writer = await connectSynced(server.url, room.id);
	const witness = await connectSynced(server.url, room.id);
	writer.doc.getText(NOTES_TEXT).insert(0, `Notes: ${marker} felt unheard`);
	expect(new ScriptDoc(writer.doc, 'round-1').addLine('speaker', `I said ${marker}`)).toEqual({
		ok: true
	});
	// Refused: the control map is the server's (rule Y3).
	writer.doc.getMap(CONTROL_MAP).set('step', `${marker} step`);
	writer.doc.getText(NOTES_TEXT).insert(0, 'last ');
	await waitFor(
		() => witness.doc.getText(NOTES_TEXT).toString().startsWith('last '),
		'the notes to arrive'
	);
	expect(witness.doc.getMap(CONTROL_MAP).get('step')).toBe(0);

	expect(
		await socket.emitWithAck('control:command', { type: 'step.goto', target: RATING_STEP })
	).toEqual({ ok: true });
	expect(await socket.emitWithAck('rating:submit', { step: RATING_STEP, value: 4 })).toEqual({
		ok: true
	});
	// A call link and its passcode, shared and then refused (protocol S23).
	const call = `https://meet.example.com/j/1?pwd=${marker}`;
	expect(await socket.emitWithAck('control:command', { type: 'call.set', url: call })).toEqual({
		ok: true
	});
	expect(
		await socket.emitWithAck('control:command', {
			type: 'call.set',
			url: call.replace('https', 'http')
		})
	).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

	// A malformed frame (unknown message type), and a request body the API refuses.
	const yjsUrl = `${server.url.replace(/^http/, 'ws')}/yjs/${room.id}`;
	expect(await closeCodeAfter(yjsUrl, new Uint8Array([7, 1, 2, 3]))).toBe(1007);
	const refused = await fetch(`${server.url}/api/rooms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ playbookId: marker })
	});
	expect(refused.status).toBe(400);

	socket.disconnect();
	writer.provider.destroy();
	witness.provider.destroy();
	// Closing stores the room and folds its log into a snapshot: more lines about it.
	await server.close();

	const log = written.join('\n');
	expect(log).toContain(room.id);
	expect(log).toMatch(/malformed/);
	expect(written.some((line) => line.includes(room.id) && /control/.test(line))).toBe(true);
	expect(log).not.toContain(marker);
	expect(log).not.toContain('Ottoline');
	expect(log).not.toContain('felt unheard');
});

test('nothing from a pairing card reaches the log or the metrics', async () => {
	const marker = `zp${randomBytes(6).toString('hex')}`;
	const server = await startTestServer({ logLevel: 'trace' });
	const post = (path: string, body: unknown) => postJson(server.url, path, body);
	const team = (await (await post('/api/teams', { name: 'Support' })).json()) as { id: string };
	const card = (name: string) => ({
		name,
		strengths: ['feedback'],
		strengthsNote: `notes ${marker}`,
		stretchGoals: ['listening'],
		stretchNote: `goal ${marker}`,
		timeZone: 'Europe/Berlin',
		hours: { days: [1, 2, 3], start: '09:00', end: '17:00' },
		energy: 'mornings',
		preferences: ['outside-my-team'],
		usualTeam: `team ${marker}`,
		optedIn: true
	});
	const keys = [randomBytes(16).toString('base64url'), randomBytes(16).toString('base64url')];
	for (const [index, key] of keys.entries()) {
		const saved = await post(`/api/teams/${team.id}/pairing/card`, {
			memberKey: key,
			card: card(`Wilhelmina ${marker} ${index}`)
		});
		expect(saved.status).toBe(200);
	}
	// Refused with its problems named, and the card's words not in them.
	const bad = await post(`/api/teams/${team.id}/pairing/card`, {
		memberKey: keys[0],
		card: { ...card(`${marker}`.repeat(10)), timeZone: `Mars/${marker}` }
	});
	expect(bad.status).toBe(400);
	expect((await post(`/api/teams/${team.id}/pairing/make`, {})).status).toBe(200);
	expect(
		(await post(`/api/teams/${team.id}/pairing/fit`, { memberKey: keys[0], fit: 'good-fit' }))
			.status
	).toBe(200);
	const metrics = await (await fetch(`${server.url}/metrics`)).text();
	await server.close();

	const log = written.join('\n');
	expect(log).toContain('/pairing/card');
	expect(log).not.toContain(marker);
	expect(log).not.toContain('Wilhelmina');
	expect(metrics).not.toContain(marker);
	expect(metrics).not.toContain('Wilhelmina');
});

test('nothing from a circle post, nomination or proposal reaches the log or the metrics', async () => {
	const marker = `zq${randomBytes(6).toString('hex')}`;
	const server = await startTestServer({ logLevel: 'trace' });
	const post = (path: string, body: unknown) => postJson(server.url, path, body);
	const team = (await (await post('/api/teams', { name: 'Support' })).json()) as { id: string };
	const memberKey = randomBytes(16).toString('base64url');
	const circle = `/api/teams/${team.id}/circle`;
	const sent = [
		{ type: 'highlight', memberKey, text: `Thanks ${marker}`, author: `Wenna ${marker}` },
		{ type: 'nomination', memberKey, nominee: `Quill ${marker}`, text: marker, author: null },
		{ type: 'challenge', memberKey, text: `Try ${marker}`, author: null },
		{ type: 'shelf', memberKey, playbookId: 'five-minute-win', author: `Wenna ${marker}` },
		// Refused ones too: a text over its limit, an unknown playbook.
		{ type: 'highlight', memberKey, text: `${marker} `.repeat(100), author: null },
		{ type: 'shelf', memberKey, playbookId: `x-${marker}`, author: 'Wenna' }
	];
	const statuses = [];
	for (const body of sent) statuses.push((await post(circle, body)).status);
	expect(statuses).toEqual([201, 201, 201, 201, 400, 400]);
	const metrics = await (await fetch(`${server.url}/metrics`)).text();
	await server.close();

	expect(metrics).not.toContain(marker);
	const log = written.join('\n');
	expect(log).not.toContain(marker);
	expect(log).not.toContain('Wenna');
	expect(log).not.toContain(memberKey);
});

test('[B5] a voice clip’s bytes and the ticket it was sent with never reach the log, stored or refused', async () => {
	const marker = `zv${randomBytes(6).toString('hex')}`;
	const server = await startTestServer({ logLevel: 'trace' });
	const room = await createRoom(server.url);
	const { id, socket, reply } = await joinAs(server.url, room.id, 'Someone', { roleId: 'speaker' });
	if (!reply.ok) throw new Error(reply.error.message);
	const query = `?participant=${id}&ticket=${reply.docTicket}`;
	const clip = webmClip(1_000, { filler: marker });
	const upload = (bytes: Uint8Array, type: string) =>
		fetch(`${server.url}/api/rooms/${room.id}/clips${query}`, {
			method: 'POST',
			headers: { 'content-type': type },
			body: Buffer.from(bytes)
		});
	const stored = await upload(clip, 'audio/webm');
	expect(stored.status).toBe(201);
	const { path } = (await stored.json()) as { path: string };
	expect((await fetch(`${server.url}${path}${query}`)).status).toBe(200);
	// Refused: not audio, and too large; both carry the marker.
	expect((await upload(new TextEncoder().encode(marker), 'audio/ogg')).status).toBe(415);
	const big = new Uint8Array(3 * 1024 * 1024).fill(0x7a);
	big.set(new TextEncoder().encode(marker));
	expect((await upload(big, 'audio/webm')).status).toBe(413);
	socket.disconnect();
	await server.close();

	const log = written.join('\n');
	expect(log).toContain(room.id);
	expect(log).not.toContain(marker);
	expect(log).not.toContain(reply.docTicket);
	expect(log).not.toContain('zzzzzzzz');
});
