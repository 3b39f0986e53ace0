// A subscribe admitted, then stored only after its person was removed or the room erased: what the
// removal or the erase deleted must not come back (protocol W1, W7), also when the removal was
// decided on another instance. The server runs on its real push store, handed to it through the
// services' options with its adds held back on demand, so the removal or the erase happens in
// between every time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { PushStore } from '../../server/push/push-store';
import { createRedisPushStore } from '../../server/push/redis-push-store';
import { createSqlitePushStore } from '../../server/push/sqlite-push-store';
import { connectRedis } from '../../server/redis/connect';
import { openSqlite } from '../../server/storage/sqlite';
import { feedChannel } from '../../server/redis/keys';
import { connectSynced, joinAs } from '../support/clients';
import { cleanupsAfterEach } from '../support/cleanups';
import { postJson } from '../support/http';
import { newSubscriptionKeys } from '../support/push-service';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { slowProxy } from '../support/slow-proxy';
import { waitFor } from '../support/wait';

/** A push service the server accepts subscriptions to; nothing is sent to it here. */
const PUSH_HOST = 'push.example.org';
const PUSH_ENV = { PUSH_SERVICES: PUSH_HOST, PUSH_CONTACT: 'mailto:ops@example.org' };

/** A push store whose adds, while held, wait until they are let go; the rest goes straight on. */
class HeldAdds implements PushStore {
	#gate: Promise<void> | undefined;
	/** Adds waiting at the gate now. */
	waiting = 0;
	/** Adds the store has answered. */
	answered = 0;

	constructor(private readonly store: PushStore) {}

	/** Holds the adds from now on; the answered function lets them go on. */
	hold(): () => void {
		const { promise, resolve } = Promise.withResolvers<void>();
		this.#gate = promise;
		return () => {
			this.#gate = undefined;
			resolve();
		};
	}

	async add(...args: Parameters<PushStore['add']>): ReturnType<PushStore['add']> {
		if (this.#gate) {
			this.waiting++;
			await this.#gate;
			this.waiting--;
		}
		const outcome = await this.store.add(...args);
		this.answered++;
		return outcome;
	}

	remove = (...args: Parameters<PushStore['remove']>) => this.store.remove(...args);
	removeEndpoint = (...args: Parameters<PushStore['removeEndpoint']>) =>
		this.store.removeEndpoint(...args);
	ofPeople = (...args: Parameters<PushStore['ofPeople']>) => this.store.ofPeople(...args);
}

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

/** A room with its host and Ben joined through `serverUrl`. */
async function hostAndBen(serverUrl: string) {
	const { id: roomId, hostKey } = await createRoom(serverUrl, 'active-listening-sprint');
	const host = await joinAs(serverUrl, roomId, 'Host', { roleId: 'speaker', hostKey });
	const ben = await joinAs(serverUrl, roomId, 'Ben', { roleId: 'listener' });
	cleanups.push(
		() => host.socket.disconnect(),
		() => ben.socket.disconnect()
	);
	if (!ben.reply.ok) throw new Error(ben.reply.error.message);
	return { roomId, host, ben: { id: ben.id, ticket: ben.reply.docTicket } };
}

/** Ben's subscribe through `serverUrl`, once it is admitted and `store` holds it before storing. */
async function heldSubscribe(
	store: HeldAdds,
	serverUrl: string,
	roomId: string,
	ben: { id: string; ticket: string }
) {
	const letGo = store.hold();
	cleanups.push(letGo);
	const answer = subscribe(serverUrl, roomId, ben);
	await waitFor(() => store.waiting === 1, 'the subscribe admitted and held before storing');
	return { letGo, answer };
}

/** Ben's browser subscribes through `serverUrl` (always at the same endpoint, with new keys). */
const subscribe = (serverUrl: string, roomId: string, ben: { id: string; ticket: string }) =>
	postJson(serverUrl, `/api/rooms/${roomId}/push`, {
		participantId: ben.id,
		ticket: ben.ticket,
		locale: 'en',
		subscription: {
			endpoint: `https://${PUSH_HOST}/${ben.id}`,
			expirationTime: null,
			keys: newSubscriptionKeys().json
		}
	});

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('a subscribe that crosses a removal or an erase, with %s', (_name, useRedis) => {
	let server: RunningServer;
	let store: HeldAdds;
	let closeStore: () => Promise<void> | void;
	beforeAll(async () => {
		const dataDir = tempDir();
		if (useRedis) {
			const client = await connectRedis(redis.url, 'push-races-test');
			store = new HeldAdds(createRedisPushStore(client));
			closeStore = () => client.close();
		} else {
			const db = openSqlite(dataDir);
			store = new HeldAdds(createSqlitePushStore(db));
			closeStore = () => db.close();
		}
		server = await startTestServer({
			dataDir,
			redisUrl: useRedis ? redis.url : undefined,
			env: PUSH_ENV,
			services: { pushStore: store }
		});
	});
	afterAll(async () => {
		await server.close();
		await closeStore();
	});

	test('[W1] [W7] [S20] removed meanwhile: answered not_a_member, and nothing of it is kept', async () => {
		const { roomId, host, ben } = await hostAndBen(server.url);
		const { letGo, answer } = await heldSubscribe(store, server.url, roomId, ben);
		// Answered once carried out: Ben's subscriptions (none yet) are deleted by now.
		expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ code: 'not_a_member' });
		expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
	});

	test('[W1] [W7] [S18] erased meanwhile: answered room_not_found, and nothing of it is kept', async () => {
		const { roomId, host, ben } = await hostAndBen(server.url);
		const { letGo, answer } = await heldSubscribe(store, server.url, roomId, ben);
		expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ code: 'room_not_found' });
		expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
	});

	test('[W1] held with nothing in between: stored as usual', async () => {
		const { roomId, ben } = await hostAndBen(server.url);
		const { letGo, answer } = await heldSubscribe(store, server.url, roomId, ben);
		letGo();
		expect((await answer).status).toBe(201);
		expect(await store.ofPeople(roomId, [ben.id])).toHaveLength(1);
	});
});

/**
 * Two instances on one Redis, a room with its host and Ben joined through A, and B with the room
 * open and its feed of the room's changes held at a proxy; B's push store can hold its adds.
 */
async function twoInstancesBHeld() {
	const client = await connectRedis(redis.url, 'push-races-direct');
	cleanups.push(() => client.close());
	const store = new HeldAdds(createRedisPushStore(client));
	// B reaches Redis through a proxy that holds its feed of the room's changes back; its push
	// store goes straight to Redis.
	const proxy = await slowProxy(redis.url);
	cleanups.push(() => proxy.close());
	const a = await startTestServer({ redisUrl: redis.url, env: PUSH_ENV });
	const b = await startTestServer({
		redisUrl: proxy.url,
		env: PUSH_ENV,
		services: { pushStore: store }
	});
	cleanups.push(
		() => a.close(),
		() => b.close(),
		() => proxy.release()
	);
	const { roomId, host, ben } = await hostAndBen(a.url);
	proxy.holdWhen((sent) => /\r\nsubscribe\r\n/i.test(sent) && sent.includes(feedChannel(roomId)));
	// Open in B (loaded there, and kept), which hears nothing of the room's changes from now on.
	const watching = await connectSynced(b.url, roomId);
	cleanups.push(() => watching.provider.destroy());
	await waitFor(() => proxy.holding(), 'B’s feed of the room held');
	return { a, b, store, proxy, roomId, host, ben };
}

test('[W1] [W7] [S20] through another instance than the removal’s, the second look waits for the removal to arrive: not_a_member, nothing kept', async () => {
	const { b, store, proxy, roomId, host, ben } = await twoInstancesBHeld();
	const { letGo, answer } = await heldSubscribe(store, b.url, roomId, ben);
	expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
	letGo();
	await waitFor(() => store.answered === 1, 'the subscription stored');
	// B's copy still has Ben in the room: looking at it without waiting would admit him.
	proxy.release();
	const response = await answer;
	expect(response.status).toBe(403);
	expect(await response.json()).toMatchObject({ code: 'not_a_member' });
	expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
});

test('[W1] [W7] a renewal whose second look cannot be had in time: 503, and the subscription it renewed stays', async () => {
	const { a, b, store, roomId, host, ben } = await twoInstancesBHeld();
	expect((await subscribe(a.url, roomId, ben)).status).toBe(201);
	const { letGo, answer } = await heldSubscribe(store, b.url, roomId, ben);
	// A change B will not hear of while its feed is held: its second look cannot catch up.
	expect(await host.send({ type: 'timer.start' })).toEqual({ ok: true });
	letGo();
	const response = await answer;
	expect(response.status).toBe(503);
	expect(await response.json()).toMatchObject({ code: 'unavailable' });
	expect(await store.ofPeople(roomId, [ben.id])).toHaveLength(1);
});
