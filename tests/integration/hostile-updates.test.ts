import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import {
	CLOSE_POLICY_VIOLATION,
	LIMIT_WORDS,
	MAX_AWARENESS_STATE_BYTES
} from '../../server/limits/limits';
import { writeUpdate } from '../../server/yjs/update-writer';
import { CONTROL_MAP, NOTES_TEXT } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from '../support/cleanups';
import { joinAs } from '../support/clients';
import {
	awarenessFrame,
	closeOf,
	roomConnections,
	sendHandled,
	updateFrame
} from '../support/raw-doc';
import { sampleOf } from '../support/metrics';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';

/**
 * Updates a hostile link-holder sends with raw frames (issue 20, items 1 and 2; awareness, item
 * 7, in hostile-awareness.test.ts): each is refused, and the people in the room go on as before.
 */

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

const cleanups = cleanupsAfterEach();
const { synced, raw } = roomConnections(() => server.url, cleanups);

const notes = (doc: Y.Doc) => doc.getText(NOTES_TEXT).toString();

/**
 * The server's client id, as anyone in the room learns it: the one whose clock moves when the
 * server records a join in control (`doc` is a synced witness's).
 */
async function serverIdOf(roomId: string, doc: Y.Doc): Promise<number> {
	const people = () => Object.keys(doc.getMap(CONTROL_MAP).get('people') ?? {}).length;
	const joined = people();
	const before = Y.decodeStateVector(Y.encodeStateVector(doc));
	const person = await joinAs(server.url, roomId, 'Hana');
	cleanups.push(() => person.socket.disconnect());
	await waitFor(() => people() > joined, 'the join to be recorded');
	const after = Y.decodeStateVector(Y.encodeStateVector(doc));
	return [...after.keys()].find((client) => after.get(client) !== before.get(client))!;
}

/** How long `/healthz` takes to answer, in ms. */
async function healthzMs(): Promise<number> {
	const started = performance.now();
	const response = await fetch(`${server.url}/healthz`);
	expect(response.status).toBe(200);
	return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * An update that only deletes: ~480,000 one-item ranges of a client the room has never seen,
 * about 1.9 MiB, as the attack review sent them.
 */
function deleteOnlyUpdate(client: number): Uint8Array {
	const ranges = Array.from({ length: 480_000 }, (_, i) => ({ clock: i * 2, len: 1 }));
	return writeUpdate([], new Map([[client, ranges]]));
}

describe('[L7] updates that name what the room does not have', () => {
	test('delete-only frames of an unknown client are refused; honest edits go on and the server stays responsive', async () => {
		const room = await createRoom(server.url);
		const witness = await synced(room.id);
		const writer = await synced(room.id);
		const timings: number[] = [];
		const closes: { code: number; reason: string }[] = [];
		for (let frame = 0; frame < 4; frame++) {
			const ws = await raw(room.id);
			const closed = closeOf(ws);
			await sendHandled(ws, [updateFrame(deleteOnlyUpdate(1_000_000 + frame))]);
			if (ws.readyState === ws.CLOSED) closes.push(await closed);
			// Before the fix every later update re-merged the waiting deletions (60–300 ms each),
			// so a health check sent along with an honest edit waited for it.
			// Three edits, each with a health check: the quickest of the three counts, so a busy
			// test machine's pause is not taken for a server that stalls on every update.
			const probes: number[] = [];
			let line = '';
			for (let edit = 0; edit < 3; edit++) {
				line = `typed after frame ${frame} (${edit}). `;
				writer.doc.getText(NOTES_TEXT).insert(notes(writer.doc).length, line);
				probes.push(await healthzMs());
			}
			timings.push(Math.min(...probes));
			await waitFor(() => notes(witness.doc).endsWith(line), `the edits after frame ${frame}`);
		}
		expect(closes).toEqual(
			Array.from({ length: 4 }, () => ({
				code: CLOSE_POLICY_VIOLATION,
				reason: LIMIT_WORDS.missingChanges
			}))
		);
		// The median: one collection of garbage on a busy test machine is not a stalled server.
		expect(median(timings), `healthz took ${timings.map(Math.round).join(', ')} ms`).toBeLessThan(
			50
		);
		const late = await synced(room.id);
		expect(notes(late.doc)).toBe(notes(witness.doc));
	});
});

describe('[Y3] updates under the server’s client id', () => {
	test('a character planted under the server’s client id is refused; everyone’s typing reaches every peer and a reload', async () => {
		const console = vi.spyOn(globalThis.console, 'log');
		onTestFinished(() => console.mockRestore());
		const room = await createRoom(server.url);
		const witness = await synced(room.id);
		const victim = await synced(room.id);
		const serverId = await serverIdOf(room.id, witness.doc);

		const attacker = new Y.Doc();
		Y.applyUpdate(attacker, Y.encodeStateAsUpdate(witness.doc));
		attacker.clientID = serverId;
		const vector = Y.encodeStateVector(attacker);
		attacker.getText(NOTES_TEXT).insert(0, 'x');
		const ws = await raw(room.id);
		const closed = closeOf(ws);
		ws.send(updateFrame(Y.encodeStateAsUpdate(attacker, vector)));
		// Before the fix the character reached everyone; now the connection closes.
		await Promise.race([closed, waitFor(() => notes(victim.doc) === 'x', 'the planted character')]);

		const text = victim.doc.getText(NOTES_TEXT);
		text.insert(text.length, 'every word I type');
		await waitFor(() => notes(witness.doc).endsWith('every word I type'), 'the victim’s typing');
		expect(await closed).toEqual({
			code: CLOSE_POLICY_VIOLATION,
			reason: LIMIT_WORDS.serverClientId
		});
		const reloaded = await synced(room.id);
		expect(notes(reloaded.doc)).toBe('every word I type');
		expect(notes(witness.doc)).toBe('every word I type');
		// Yjs says on standard output when it sees its own client id in someone else's update.
		expect(console.mock.calls.flat().join(' ')).not.toContain('client-id');
	});
	test('an item anchored to a clock the server has not written yet is refused, so the server’s next control write is not overwritten', async () => {
		const room = await createRoom(server.url);
		const witness = await synced(room.id);
		const control = witness.doc.getMap(CONTROL_MAP);
		const serverId = await serverIdOf(room.id, witness.doc);

		// The attacker guesses the server's next control item (any key: an item anchored to it
		// takes its key) and anchors a value of their own to it, sending only that value.
		const attacker = new Y.Doc();
		Y.applyUpdate(attacker, Y.encodeStateAsUpdate(witness.doc));
		attacker.clientID = serverId;
		attacker.getMap(CONTROL_MAP).set('people', {});
		const guessed = Y.encodeStateVector(attacker);
		attacker.clientID = 987_654;
		attacker.getMap(CONTROL_MAP).set('people', 'planted');
		const ws = await raw(room.id);
		const closed = closeOf(ws);
		await sendHandled(ws, [updateFrame(Y.encodeStateAsUpdate(attacker, guessed))]);

		// The server writes control (a second join), then applies an honest edit, after which
		// Yjs retries what was waiting: before the fix the planted value went into control then.
		const guest = await joinAs(server.url, room.id, 'Gus');
		cleanups.push(() => guest.socket.disconnect());
		await waitFor(() => Object.keys(control.get('people') ?? {}).length > 1, 'the second join');
		const writer = await synced(room.id);
		writer.doc.getText(NOTES_TEXT).insert(0, 'honest');
		await waitFor(() => notes(witness.doc) === 'honest', 'the honest edit');
		const planted = () => Object.values(control.toJSON()).includes('planted');
		await Promise.race([closed, waitFor(planted, 'the planted value')]);
		expect(planted()).toBe(false);
		expect(await closed).toEqual({
			code: CLOSE_POLICY_VIOLATION,
			reason: LIMIT_WORDS.serverClientId
		});
		const reloaded = await synced(room.id);
		expect(Object.values(reloaded.doc.getMap(CONTROL_MAP).toJSON())).not.toContain('planted');
	});
});

describe('refusals are counted', () => {
	test('each refusal of this file adds to practice_room_refused_writes_total under its reason', async () => {
		const refused = (reason: string) =>
			sampleOf(server.url, `practice_room_refused_writes_total{reason="${reason}"}`);
		const reasons = ['control', 'server_client', 'waiting', 'awareness_size'];
		const before = await Promise.all(reasons.map(refused));
		const room = await createRoom(server.url);
		const witness = await synced(room.id);
		const serverId = await serverIdOf(room.id, witness.doc);

		const writer = new Y.Doc();
		Y.applyUpdate(writer, Y.encodeStateAsUpdate(witness.doc));
		const vector = Y.encodeStateVector(writer);
		writer.getMap(CONTROL_MAP).set('phaseIndex', 3);
		writer.getMap(CONTROL_MAP).set('locked', true);
		await sendHandled(await raw(room.id), [updateFrame(Y.encodeStateAsUpdate(writer, vector))]);
		writer.clientID = serverId;
		writer.getText(NOTES_TEXT).insert(0, 'x');
		const frames = [
			Y.encodeStateAsUpdate(writer, Y.encodeStateVector(witness.doc)),
			deleteOnlyUpdate(2_000_000)
		];
		for (const update of frames) await sendHandled(await raw(room.id), [updateFrame(update)]);
		const big = JSON.stringify({ user: 'b'.repeat(MAX_AWARENESS_STATE_BYTES) });
		await sendHandled(await raw(room.id), [awarenessFrame([[4243, 1, big]])]);

		const after = await Promise.all(reasons.map(refused));
		expect(
			Object.fromEntries(reasons.map((reason, i) => [reason, after[i]! - before[i]!]))
		).toEqual({
			control: 2,
			server_client: 1,
			waiting: 1,
			awareness_size: 1
		});
	});
});
