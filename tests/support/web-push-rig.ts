import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { PushStore } from '../../server/push/push-store';
import { createRedisPushStore } from '../../server/push/redis-push-store';
import { createSqlitePushStore } from '../../server/push/sqlite-push-store';
import { connectRedis } from '../../server/redis/connect';
import { openSqlite } from '../../server/storage/sqlite';
import { pushPayloadSchema } from '../../src/lib/protocol/push-payload';
import { cleanupsAfterEach } from './cleanups';
import { joinAs } from './clients';
import { postJson } from './http';
import {
	decryptPush,
	newSubscriptionKeys,
	startPushService,
	type SubscriptionKeys,
	type TestPushService
} from './push-service';
import { startRedis, type TestRedis } from './redis-server';
import { startTestServer, tempDir } from './server';
import { redisEntries, sqliteBytes } from './stored-bytes';
import { waitFor } from './wait';

/** The phase of the Active Listening Sprint in which the story is told. */
export const STORY_PHASE = 1;

/** The stores the Web Push tests run on, for `describe.each`: a name, and whether it is Redis. */
export const PUSH_STORES: [string, boolean][] = [
	['embedded SQLite', false],
	['Redis', true]
];

/** Who may subscribe: a member and their document ticket. */
export interface PushMember {
	id: string;
	ticket: string;
}

/**
 * For one test file: a Redis and a stand-in push service, started before its tests and stopped
 * after them, and fresh browsers' subscriptions to that service. `cleanups` run after each test.
 */
export function pushRig() {
	let started: { redis: TestRedis; pushService: TestPushService } | undefined;
	beforeAll(async () => {
		const [redis, pushService] = await Promise.all([startRedis(), startPushService()]);
		started = { redis, pushService };
	});
	afterAll(async () => {
		await started?.pushService.stop();
		await started?.redis.stop();
	});
	const running = () => {
		if (!started) throw new Error('the rig starts in the file’s beforeAll');
		return started;
	};

	let counter = 0;
	return {
		cleanups: cleanupsAfterEach(),
		get redis() {
			return running().redis;
		},
		get pushService() {
			return running().pushService;
		},
		/** A subscription of a fresh browser, its endpoint on the test push service. */
		newBrowser() {
			const path = `/push/${process.pid}-${++counter}`;
			const keys = newSubscriptionKeys();
			return {
				path,
				keys,
				subscription: {
					endpoint: `${running().pushService.origin}${path}`,
					expirationTime: null,
					keys: keys.json
				}
			};
		}
	};
}

export type PushRig = ReturnType<typeof pushRig>;

/**
 * For one `describe` of `PUSH_STORES`: a server sending through the rig's push service, storing in
 * SQLite or in the rig's Redis, with its store opened beside it to see what it keeps; and what
 * members do and receive.
 */
export function pushServer(rig: PushRig, useRedis: boolean) {
	let started: { server: RunningServer; pushStore: PushStore } | undefined;
	let closeStore: () => Promise<void> | void = () => {};
	const dataDir = tempDir();
	beforeAll(async () => {
		const server = await startTestServer({
			dataDir,
			redisUrl: useRedis ? rig.redis.url : undefined,
			env: { PUSH_SERVICES: rig.pushService.host, PUSH_CONTACT: 'mailto:ops@example.org' },
			services: { pushAgent: rig.pushService.agent }
		});
		if (useRedis) {
			const client = await connectRedis(rig.redis.url, 'web-push-test');
			started = { server, pushStore: createRedisPushStore(client) };
			closeStore = () => client.close();
		} else {
			const db = openSqlite(dataDir);
			started = { server, pushStore: createSqlitePushStore(db) };
			closeStore = () => db.close();
		}
	});
	afterAll(async () => {
		await closeStore();
		await started?.server.close();
	});
	const running = () => {
		if (!started) throw new Error('the server starts in the describe’s beforeAll');
		return started;
	};
	const messagesTo = (path: string) => rig.pushService.received.filter((r) => r.path === path);

	return {
		get server() {
			return running().server;
		},
		get pushStore() {
			return running().pushStore;
		},

		/** Ana, joined in `roleId`, as the push routes know a member. */
		async joined(roomId: string, roleId = 'speaker') {
			const person = await joinAs(running().server.url, roomId, 'Ana', { roleId });
			rig.cleanups.push(() => person.socket.disconnect());
			if (!person.reply.ok) throw new Error(person.reply.error.message);
			return { id: person.id, ticket: person.reply.docTicket, socket: person.socket };
		},

		async subscribe(
			roomId: string,
			person: PushMember,
			browser: { subscription: unknown },
			locale = 'en'
		) {
			return postJson(running().server.url, `/api/rooms/${roomId}/push`, {
				participantId: person.id,
				ticket: person.ticket,
				locale,
				subscription: browser.subscription
			});
		},

		/** Everything the store holds right now, as text to search. */
		stored: async () =>
			useRedis ? JSON.stringify(await redisEntries(rig.redis.url)) : sqliteBytes(dataDir),

		messagesTo,

		/** The message after the first `before` at `path`, decrypted with the browser's keys. */
		async nextMessage(path: string, keys: SubscriptionKeys, before: number) {
			await waitFor(() => messagesTo(path).length > before, `a push message at ${path}`);
			const request = messagesTo(path)[before];
			if (!request) throw new Error('no message');
			return {
				request,
				payload: pushPayloadSchema.parse(JSON.parse(decryptPush(request.body, keys)))
			};
		}
	};
}
