// The async turn schedule and Web Push wired together in the composition root (issue 17): a turn
// the room decides reaches the push service of the person whose turn it is, with no test hook in
// between, in the embedded and the Redis deployment alike (protocol A9, W4).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { pushPayloadSchema } from '../../src/lib/protocol/push-payload';
import { joinAs } from '../support/clients';
import { cleanupsAfterEach } from '../support/cleanups';
import {
	decryptPush,
	newSubscriptionKeys,
	startPushService,
	type TestPushService
} from '../support/push-service';
import { startRedis, type TestRedis } from '../support/redis-server';
import { postJson } from '../support/http';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

let redis: TestRedis;
let pushService: TestPushService;
beforeAll(async () => {
	[redis, pushService] = await Promise.all([startRedis(), startPushService()]);
});
afterAll(async () => {
	await pushService.stop();
	await redis.stop();
});

const cleanups = cleanupsAfterEach();

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('turns told by Web Push with %s', (_name, useRedis) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({
			dataDir: tempDir(),
			redisUrl: useRedis ? redis.url : undefined,
			env: { PUSH_SERVICES: pushService.host, PUSH_CONTACT: 'mailto:ops@example.org' },
			services: { pushAgent: pushService.agent }
		});
	});
	afterAll(() => server.close());

	async function member(roomId: string, name: string, roleId: string, locale: string) {
		const person = await joinAs(server.url, roomId, name, { roleId });
		cleanups.push(() => person.socket.disconnect());
		if (!person.reply.ok) throw new Error(person.reply.error.message);
		const path = `/push/${useRedis ? 'redis' : 'sqlite'}-${person.id}`;
		const keys = newSubscriptionKeys();
		const subscribed = await postJson(server.url, `/api/rooms/${roomId}/push`, {
			participantId: person.id,
			ticket: person.reply.docTicket,
			locale,
			subscription: {
				endpoint: `${pushService.origin}${path}`,
				expirationTime: null,
				keys: keys.json
			}
		});
		expect(subscribed.status).toBe(201);
		const received = () => pushService.received.filter((request) => request.path === path);
		return { ...person, keys, received };
	}

	test('[A9] [W4] the speaker taking their turn tells the listener, in their language, that theirs started', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint', { async: {} });
		const ana = await member(roomId, 'Ana', 'speaker', 'en');
		const ben = await member(roomId, 'Ben', 'listener', 'es');

		expect(await ana.send({ type: 'async.turn', step: 1 })).toEqual({ ok: true });
		await waitFor(() => ben.received().length > 0, 'the listener’s push message');
		const [message] = ben.received();
		const payload = pushPayloadSchema.parse(
			JSON.parse(decryptPush(message?.body ?? Buffer.alloc(0), ben.keys))
		);
		expect(payload).toEqual({
			title: 'Te toca: Sprint de escucha activa',
			body: '«Devuélveselo» te está esperando. Haz tu turno cuando te venga bien.',
			path: `/r/${roomId}`,
			tag: `turn-${roomId}`
		});
		// Ana took her turn: her story phase is over, the listener's is not hers.
		expect(ana.received()).toEqual([]);
	});
});
