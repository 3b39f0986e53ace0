// A subscribe admitted, then stored only after its person was removed or the room erased: what the
// removal or the erase deleted must not come back (protocol W1, W7). The server runs on its real
// push store, handed to it through the services' options with its adds held back on demand, so the
// removal or the erase happens in between every time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { PushStore } from '../../server/push/push-store';
import { createRedisPushStore } from '../../server/push/redis-push-store';
import { createSqlitePushStore } from '../../server/push/sqlite-push-store';
import { connectRedis } from '../../server/redis/connect';
import { openSqlite } from '../../server/storage/sqlite';
import { joinAs } from '../support/clients';
import { cleanupsAfterEach } from '../support/cleanups';
import { postJson } from '../support/http';
import { newSubscriptionKeys } from '../support/push-service';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

/** A push service the server accepts subscriptions to; nothing is sent to it here. */
const PUSH_HOST = 'push.example.org';

/** A push store whose adds, while held, wait until they are let go; the rest goes straight on. */
class HeldAdds implements PushStore {
	#gate: Promise<void> | undefined;
	/** Adds waiting at the gate now. */
	waiting = 0;

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
		return this.store.add(...args);
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
			env: { PUSH_SERVICES: PUSH_HOST, PUSH_CONTACT: 'mailto:ops@example.org' },
			services: { pushStore: store }
		});
	});
	afterAll(async () => {
		await server.close();
		await closeStore();
	});

	/** A room with its host and Ben joined, and Ben's subscribe admitted but held before storing. */
	async function heldSubscribe() {
		const { id: roomId, hostKey } = await createRoom(server.url, 'active-listening-sprint');
		const host = await joinAs(server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		const ben = await joinAs(server.url, roomId, 'Ben', { roleId: 'listener' });
		cleanups.push(
			() => host.socket.disconnect(),
			() => ben.socket.disconnect()
		);
		if (!ben.reply.ok) throw new Error(ben.reply.error.message);
		const letGo = store.hold();
		cleanups.push(letGo);
		const answer = postJson(server.url, `/api/rooms/${roomId}/push`, {
			participantId: ben.id,
			ticket: ben.reply.docTicket,
			locale: 'en',
			subscription: {
				endpoint: `https://${PUSH_HOST}/${ben.id}`,
				expirationTime: null,
				keys: newSubscriptionKeys().json
			}
		});
		await waitFor(() => store.waiting === 1, 'the subscribe admitted and held before storing');
		return { roomId, host, ben, letGo, answer };
	}

	test('[W1] [W7] [S20] removed meanwhile: answered not_a_member, and nothing of it is kept', async () => {
		const { roomId, host, ben, letGo, answer } = await heldSubscribe();
		// Answered once carried out: Ben's subscriptions (none yet) are deleted by now.
		expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ code: 'not_a_member' });
		expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
	});

	test('[W1] [W7] [S18] erased meanwhile: answered room_not_found, and nothing of it is kept', async () => {
		const { roomId, host, ben, letGo, answer } = await heldSubscribe();
		expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ code: 'room_not_found' });
		expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
	});

	test('[W1] held with nothing in between: stored as usual', async () => {
		const { roomId, ben, letGo, answer } = await heldSubscribe();
		letGo();
		expect((await answer).status).toBe(201);
		expect(await store.ofPeople(roomId, [ben.id])).toHaveLength(1);
	});
});
