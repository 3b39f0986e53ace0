// Rooms run across time zones at the server boundary: creation, and deadlines kept in server time
// that survive a restart and move the room on when it loads again (protocol A1, A6, A10).
import { afterEach, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import {
	CONTROL_MAP,
	controlStateSchema,
	type ControlCommand
} from '../../src/lib/protocol/control';
import { connectSynced, joinAs } from '../support/clients';
import { cleanupsAfterEach } from '../support/cleanups';
import { postJson } from '../support/http';
import { startTestServer, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

const HOUR = 3_600_000;
const cleanups = cleanupsAfterEach();
const servers: RunningServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startTestServer>[0] = {}) {
	const server = await startTestServer(options);
	servers.push(server);
	return server;
}

function createAsyncRoom(baseUrl: string, body: unknown) {
	return postJson(baseUrl, '/api/rooms', body);
}

/** A new Active Listening Sprint on turns with the default windows: its room id. */
async function sprintOnTurns(baseUrl: string): Promise<string> {
	const response = await createAsyncRoom(baseUrl, {
		playbookId: 'active-listening-sprint',
		async: {}
	});
	return ((await response.json()) as { id: string }).id;
}

async function controlOf(baseUrl: string, roomId: string) {
	const client = await connectSynced(baseUrl, roomId);
	cleanups.push(() => client.provider.destroy());
	const read = () => controlStateSchema.parse(client.doc.getMap(CONTROL_MAP).toJSON());
	return { read };
}

describe('starting a room across time zones', () => {
	test('[A1] POST /api/rooms with windows opens the first turn with its deadline in server time', async () => {
		const server = await start();
		const before = Date.now();
		const response = await createAsyncRoom(server.url, {
			playbookId: 'active-listening-sprint',
			async: { windowsMs: { story: 6 * HOUR } }
		});
		expect(response.status).toBe(201);
		const { id } = (await response.json()) as { id: string };
		const control = (await controlOf(server.url, id)).read();
		expect(control.step).toBe(1);
		expect(control.async?.mode).toBe('async');
		expect(control.async?.deadlineAt).toBeGreaterThanOrEqual(before + 6 * HOUR);
		expect(control.async?.deadlineAt).toBeLessThanOrEqual(Date.now() + 6 * HOUR);
	});

	test('[A1] a playbook without turns, or a window shorter than an hour, is refused with 400', async () => {
		const server = await start();
		const unmarked = await createAsyncRoom(server.url, {
			playbookId: 'gratitude-circle',
			async: {}
		});
		expect(unmarked.status).toBe(400);
		expect(((await unmarked.json()) as { error: string }).error).toMatch(/time zones/);
		const short = await createAsyncRoom(server.url, {
			playbookId: 'active-listening-sprint',
			async: { windowsMs: { story: 60_000 } }
		});
		expect(short.status).toBe(400);
	});
});

describe('deadlines in server time', () => {
	test('[A10] a deadline that passed while the server was down moves the room on when it loads again', async () => {
		const dataDir = tempDir();
		const first = await start({ dataDir });
		const id = await sprintOnTurns(first.url);
		const ana = await joinAs(first.url, id, 'Ana', { roleId: 'speaker' });
		ana.socket.disconnect();
		const opened = (await controlOf(first.url, id)).read();
		expect(opened.step).toBe(1);
		await first.close();
		servers.splice(servers.indexOf(first), 1);

		// A day and an hour later by the server's clock.
		const later = await start({ dataDir, env: { ROOM_CLOCK_OFFSET_MS: String(25 * HOUR) } });
		const control = await controlOf(later.url, id);
		await waitFor(() => control.read().step === 2, 'the room to move on past the deadline');
		expect(control.read().async?.missed).toEqual([
			{ phaseIndex: 1, round: 1, personIds: [ana.id] }
		]);
		expect(control.read().async?.openedAt).toBeGreaterThanOrEqual(
			(opened.async?.deadlineAt ?? 0) + HOUR
		);
	});

	test('[A5] the speaker taking their turn moves the room on at once', async () => {
		const server = await start();
		const id = await sprintOnTurns(server.url);
		const ana = await joinAs(server.url, id, 'Ana', { roleId: 'speaker' });
		cleanups.push(() => ana.socket.disconnect());
		const notYours = await joinAs(server.url, id, 'Ben', { roleId: 'listener' });
		cleanups.push(() => notYours.socket.disconnect());
		const refused = (await notYours.send({ type: 'async.turn', step: 1 })) as {
			ok: boolean;
		};
		expect(refused.ok).toBe(false);
		expect(await ana.send({ type: 'async.turn', step: 1 })).toEqual({ ok: true });
		const control = await controlOf(server.url, id);
		await waitFor(() => control.read().step === 2, 'the room to move on');
		expect(control.read().async?.missed).toEqual([]);
	});
});

/**
 * A sprint on turns joined by Ana, Ben and Ana again on her phone, confirming in that order: the
 * phone confirms after the two places were taken, so it watches (A33).
 */
async function anaBenAndAnasPhone() {
	const server = await start();
	const id = await sprintOnTurns(server.url);
	const people = [
		await joinAs(server.url, id, 'Ana', { roleId: 'speaker' }),
		await joinAs(server.url, id, 'Ben', { roleId: 'listener' }),
		await joinAs(server.url, id, 'Ana', { roleId: 'speaker' })
	] as const;
	for (const person of people) cleanups.push(() => person.socket.disconnect());
	const control = await controlOf(server.url, id);
	await waitFor(() => control.read().agreed.length === 3, 'all three to confirm');
	return { people, control };
}

describe('places in a room on turns', () => {
	test('[A33] [A5] Ana opening the link on her phone makes a watcher: the listener’s turn moves the room on without it', async () => {
		const { people, control } = await anaBenAndAnasPhone();
		const [ana, ben, anasPhone] = people;

		expect(await ana.send({ type: 'async.turn', step: 1 })).toEqual({ ok: true });
		await waitFor(() => control.read().step === 2, 'the listener’s turn');
		const refused = (await anasPhone.send({ type: 'async.turn', step: 2 })) as {
			ok: boolean;
			error?: { params?: { reason?: string } };
		};
		expect(refused.error?.params?.reason).toBe('not_your_turn');
		expect(await ben.send({ type: 'async.turn', step: 2 })).toEqual({ ok: true });
		// Past the silence to Ana's rating at once: nobody waits a window for the phone.
		await waitFor(() => control.read().step === 4, 'the room to move on to the rating');
		expect(control.read().async?.missed).toEqual([]);
	});

	test('[A35] the watching phone may not extend, go live or move the room; Ana’s laptop may', async () => {
		const { people, control } = await anaBenAndAnasPhone();
		const [ana, , anasPhone] = people;

		for (const command of [
			{ type: 'async.extend', step: 1 },
			{ type: 'async.live' },
			{ type: 'step.goto', target: 2, from: 1 }
		] satisfies ControlCommand[]) {
			const refused = (await anasPhone.send(command)) as {
				ok: boolean;
				error?: { code?: string; params?: { reason?: string } };
			};
			expect(refused.error).toMatchObject({ code: 'not_allowed', params: { reason: 'watching' } });
		}
		expect(control.read()).toMatchObject({ step: 1, async: { mode: 'async', extended: false } });
		expect(await ana.send({ type: 'async.extend', step: 1 })).toEqual({ ok: true });
		await waitFor(() => control.read().async?.extended === true, 'the extension');
	});

	test('[A35] [A8] Ana’s laptop gone for good, her phone stands in for her place: it goes live with Ben', async () => {
		const { people, control } = await anaBenAndAnasPhone();
		const [ana, , anasPhone] = people;

		let gone = false;
		anasPhone.socket.on('presence:roster', (roster) => {
			gone = roster.some((person) => person.participantId === ana.id && person.status === 'gone');
		});
		ana.socket.disconnect();
		await waitFor(() => gone, 'Ana’s laptop to be gone');
		expect(await anasPhone.send({ type: 'async.live' })).toEqual({ ok: true });
		await waitFor(() => control.read().async?.mode === 'live', 'the room to go live');
	});
});
