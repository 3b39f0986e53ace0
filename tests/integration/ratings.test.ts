import * as Y from 'yjs';
import { cleanupsAfterEach, runCleanups } from '../support/cleanups';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import type { Reply } from '../../src/lib/protocol/socket-events';
import { joinAs, connectSynced, participantId, type TestSocket } from '../support/clients';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

/** In the Active Listening Sprint, the first round's rating is step 5 (index 4). */
const RATING_STEP = 4;

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

interface Person {
	socket: TestSocket;
	id: string;
	rate(value: unknown, step?: number): Promise<Reply>;
}

async function person(
	url: string,
	roomId: string,
	name: string,
	roleId: string,
	id = participantId()
): Promise<Person> {
	const { socket, reply } = await joinAs(url, roomId, name, { id, roleId });
	cleanups.push(() => socket.disconnect());
	if (!reply.ok) throw new Error(reply.error.message);
	return {
		socket,
		id,
		// reason: bad values are sent on purpose, as a misbehaving client would.
		rate: (value, step = RATING_STEP) =>
			socket.emitWithAck('rating:submit', { step, value: value as number })
	};
}

async function observe(url: string, roomId: string) {
	const client = await connectSynced(url, roomId);
	cleanups.push(() => client.provider.destroy());
	const control = client.doc.getMap(CONTROL_MAP);
	return {
		ratings: () => control.toJSON().ratings as Record<string, unknown> | undefined,
		/** Everything a client of the room can ever read. */
		everything: () =>
			JSON.stringify(Y.encodeStateAsUpdate(client.doc)) + JSON.stringify(client.doc.toJSON())
	};
}

describe.each([
	['embedded storage', () => undefined],
	['Redis storage', () => redis.url]
])('sealed ratings with %s', (_name, redisUrl) => {
	let server: RunningServer;
	const dataDir = tempDir();
	beforeAll(async () => {
		server = await startTestServer({ redisUrl: redisUrl(), dataDir });
	});
	afterAll(() => server.close());

	async function roomAtRating() {
		const room = await createRoom(server.url);
		const ana = await person(server.url, room.id, 'Ana', 'speaker');
		const ben = await person(server.url, room.id, 'Ben', 'listener');
		expect(
			await ana.socket.emitWithAck('control:command', { type: 'step.goto', target: RATING_STEP })
		).toEqual({ ok: true });
		return { room, ana, ben, observer: await observe(server.url, room.id) };
	}

	test('[S11] a rating stays sealed until both have rated, then both show together', async () => {
		const { ana, ben, observer } = await roomAtRating();
		expect(await ana.rate(4)).toEqual({ ok: true });
		await waitFor(() => observer.ratings()?.['rating@round-1'] !== undefined, 'the first rating');
		expect(observer.ratings()).toEqual({ 'rating@round-1': { submitted: [ana.id] } });
		expect(observer.everything()).not.toContain('revealed');

		expect(await ben.rate(2)).toEqual({ ok: true });
		await waitFor(() => JSON.stringify(observer.ratings()).includes('revealed'), 'the reveal');
		expect(observer.ratings()).toEqual({
			'rating@round-1': { submitted: [ana.id, ben.id], revealed: { [ana.id]: 4, [ben.id]: 2 } }
		});
	});

	test('[S11] when the last person yet to rate leaves, the others are shown', async () => {
		const { ana, ben, observer } = await roomAtRating();
		await ana.rate(5);
		ben.socket.disconnect();
		await waitFor(() => JSON.stringify(observer.ratings()).includes('revealed'), 'the reveal');
		expect(observer.ratings()).toEqual({
			'rating@round-1': { submitted: [ana.id], revealed: { [ana.id]: 5 } }
		});
	});

	test('[S11] someone dropping off for a moment does not reveal the others’ ratings', async () => {
		const patient = await startTestServer({ redisUrl: redisUrl(), leaveGraceMs: 60_000 });
		cleanups.push(() => patient.close());
		const room = await createRoom(patient.url);
		const ana = await person(patient.url, room.id, 'Ana', 'speaker');
		const ben = await person(patient.url, room.id, 'Ben', 'listener');
		await ana.socket.emitWithAck('control:command', { type: 'step.goto', target: RATING_STEP });
		const observer = await observe(patient.url, room.id);
		const roster: { dropped: boolean } = { dropped: false };
		ana.socket.on('presence:roster', (list) => {
			roster.dropped = list.some((p) => p.participantId === ben.id && p.status === 'dropped');
		});
		await ana.rate(4);
		ben.socket.disconnect();
		await waitFor(() => roster.dropped, 'Ben to be shown as dropped');
		expect(observer.everything()).not.toContain('revealed');

		const back = await person(patient.url, room.id, 'Ben', 'listener', ben.id);
		expect(await back.rate(3)).toEqual({ ok: true });
		await waitFor(() => JSON.stringify(observer.ratings()).includes('revealed'), 'the reveal');
		expect(observer.ratings()).toEqual({
			'rating@round-1': { submitted: [ana.id, ben.id], revealed: { [ana.id]: 4, [ben.id]: 3 } }
		});
	});

	test('[S11] a rating outside a rating step, or out of range, is refused and changes nothing', async () => {
		const { ana, observer } = await roomAtRating();
		expect(await ana.rate(3, 0)).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
		for (const value of [0, 6, 2.5, '4', null]) {
			expect(await ana.rate(value)).toMatchObject({
				ok: false,
				error: { code: 'invalid_payload' }
			});
		}
		expect(await ana.rate(3, 99)).toMatchObject({ ok: false });
		expect(observer.ratings()).toEqual({});
	});

	test('[S11] a sealed rating survives a server restart and is revealed with the next', async () => {
		const { room, ana, ben: before } = await roomAtRating();
		await ana.rate(4);
		await waitFor(async () => {
			const observer = await observe(server.url, room.id);
			return observer.ratings()?.['rating@round-1'] !== undefined;
		}, 'the sealed rating to be recorded');
		await runCleanups(cleanups);
		await server.close();
		server = await startTestServer({ redisUrl: redisUrl(), dataDir });

		await person(server.url, room.id, 'Ana', 'speaker', ana.id);
		const ben = await person(server.url, room.id, 'Ben', 'listener', before.id);
		const observer = await observe(server.url, room.id);
		expect(observer.everything()).not.toContain('revealed');
		expect(await ben.rate(1)).toEqual({ ok: true });
		await waitFor(() => JSON.stringify(observer.ratings()).includes('revealed'), 'the reveal');
		expect(observer.ratings()).toEqual({
			'rating@round-1': { submitted: [ana.id, ben.id], revealed: { [ana.id]: 4, [ben.id]: 1 } }
		});
	});

	test('everyone who joined is named in the document, for the summary', async () => {
		const { ana, ben, room } = await roomAtRating();
		const observer = await connectSynced(server.url, room.id);
		cleanups.push(() => observer.provider.destroy());
		expect(observer.doc.getMap(CONTROL_MAP).get('people')).toEqual({
			[ana.id]: { name: 'Ana', roleId: 'speaker' },
			[ben.id]: { name: 'Ben', roleId: 'listener' }
		});
	});
});
