// What the tests of a subscribe crossing a removal or an erase share (protocol W1, W7): a server on
// its real push store, handed to it through the services' options with its adds held back on
// demand, and the people and subscribes of a room there.
import type { PushStore } from '../../server/push/push-store';
import { createRedisPushStore } from '../../server/push/redis-push-store';
import { createSqlitePushStore } from '../../server/push/sqlite-push-store';
import { connectRedis } from '../../server/redis/connect';
import { feedChannel } from '../../server/redis/keys';
import { openSqlite } from '../../server/storage/sqlite';
import { connectSynced, joinAs } from './clients';
import type { Cleanups } from './cleanups';
import { postJson } from './http';
import { newSubscriptionKeys } from './push-service';
import { createRoom, startTestServer, tempDir } from './server';
import { slowProxy } from './slow-proxy';
import { waitFor } from './wait';

/** A push service the server accepts subscriptions to; nothing is sent to it here. */
export const PUSH_HOST = 'push.example.org';
export const PUSH_ENV = { PUSH_SERVICES: PUSH_HOST, PUSH_CONTACT: 'mailto:ops@example.org' };

/** Where a held add waits: before the store has it, or stored and not answered yet. */
export type HoldPoint = 'before storing' | 'after storing';

/** A push store whose adds, while held, wait until they are let go; the rest goes straight on. */
export class HeldAdds implements PushStore {
	#gate: { at: HoldPoint; open: Promise<void> } | undefined;
	/** Adds waiting at the gate now. */
	waiting = 0;
	/** Adds the store has answered. */
	answered = 0;

	constructor(private readonly store: PushStore) {}

	/** Holds the adds from now on, at `at`; the answered function lets them go on. */
	hold(at: HoldPoint = 'before storing'): () => void {
		const { promise, resolve } = Promise.withResolvers<void>();
		this.#gate = { at, open: promise };
		return () => {
			this.#gate = undefined;
			resolve();
		};
	}

	async #pass(at: HoldPoint): Promise<void> {
		if (this.#gate?.at !== at) return;
		this.waiting++;
		await this.#gate.open;
		this.waiting--;
	}

	async add(...args: Parameters<PushStore['add']>): ReturnType<PushStore['add']> {
		await this.#pass('before storing');
		const outcome = await this.store.add(...args);
		this.answered++;
		await this.#pass('after storing');
		return outcome;
	}

	handBack = (...args: Parameters<PushStore['handBack']>) => this.store.handBack(...args);
	remove = (...args: Parameters<PushStore['remove']>) => this.store.remove(...args);
	removeEndpoint = (...args: Parameters<PushStore['removeEndpoint']>) =>
		this.store.removeEndpoint(...args);
	ofPeople = (...args: Parameters<PushStore['ofPeople']>) => this.store.ofPeople(...args);
}

/** A server whose push store is `HeldAdds` over the real one: SQLite, or Redis at `redisUrl`. */
export async function serverWithHeldAdds(redisUrl: string | undefined) {
	const dataDir = tempDir();
	let store: HeldAdds;
	let closeStore: () => Promise<void> | void;
	if (redisUrl) {
		const client = await connectRedis(redisUrl, 'push-races-test');
		store = new HeldAdds(createRedisPushStore(client));
		closeStore = () => client.close();
	} else {
		const db = openSqlite(dataDir);
		store = new HeldAdds(createSqlitePushStore(db));
		closeStore = () => db.close();
	}
	const server = await startTestServer({
		dataDir,
		redisUrl,
		env: PUSH_ENV,
		services: { pushStore: store }
	});
	return {
		server,
		store,
		close: async () => {
			await server.close();
			await closeStore();
		}
	};
}

/** A member as the push routes know them: their id and the ticket of their join. */
export interface PushMember {
	id: string;
	ticket: string;
}

/** A room with its host and Ben joined through `serverUrl`. */
export async function hostAndBen(serverUrl: string, cleanups: Cleanups) {
	const { id: roomId, hostKey } = await createRoom(serverUrl, 'active-listening-sprint');
	const host = await joinAs(serverUrl, roomId, 'Host', { roleId: 'speaker', hostKey });
	cleanups.push(() => host.socket.disconnect());
	if (!host.reply.ok) throw new Error(host.reply.error.message);
	const ben = await joinMember(serverUrl, roomId, 'Ben', cleanups);
	return { roomId, host, hostMember: { id: host.id, ticket: host.reply.docTicket }, ben };
}

/** `name` joined to `roomId` through `serverUrl`, as a member. */
export async function joinMember(
	serverUrl: string,
	roomId: string,
	name: string,
	cleanups: Cleanups
): Promise<PushMember> {
	const joined = await joinAs(serverUrl, roomId, name, { roleId: 'listener' });
	cleanups.push(() => joined.socket.disconnect());
	if (!joined.reply.ok) throw new Error(joined.reply.error.message);
	return { id: joined.id, ticket: joined.reply.docTicket };
}

/** A browser's subscription as `PushSubscription.toJSON()` gives it. */
export interface BrowserSubscription {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

/** A browser of `member`'s own: its endpoint names them, its keys are new. */
export const browserOf = (member: PushMember): BrowserSubscription => ({
	endpoint: `https://${PUSH_HOST}/${member.id}`,
	keys: newSubscriptionKeys().json
});

/**
 * `member` subscribes through `serverUrl`: by default their own browser (always at the same
 * endpoint, with new keys), or `browser`, as someone else in it.
 */
export const subscribe = (
	serverUrl: string,
	roomId: string,
	member: PushMember,
	browser: BrowserSubscription = browserOf(member)
) =>
	postJson(serverUrl, `/api/rooms/${roomId}/push`, {
		participantId: member.id,
		ticket: member.ticket,
		locale: 'en',
		subscription: { ...browser, expirationTime: null }
	});

/** A subscribe through `serverUrl`, once it is admitted and `store` holds it at `at`. */
export async function heldSubscribe(
	store: HeldAdds,
	cleanups: Cleanups,
	request: { serverUrl: string; roomId: string; member: PushMember; browser?: BrowserSubscription },
	at: HoldPoint = 'before storing'
) {
	const letGo = store.hold(at);
	cleanups.push(letGo);
	const answer = subscribe(request.serverUrl, request.roomId, request.member, request.browser);
	await waitFor(() => store.waiting === 1, `the subscribe admitted and held ${at}`);
	return { letGo, answer };
}

/**
 * Two instances on one Redis, a room with its host and Ben joined through A, and B with the room
 * open and its feed of the room's changes held at a proxy; B's push store can hold its adds.
 */
export async function twoInstancesBHeld(redisUrl: string, cleanups: Cleanups) {
	const client = await connectRedis(redisUrl, 'push-races-direct');
	cleanups.push(() => client.close());
	const store = new HeldAdds(createRedisPushStore(client));
	// B reaches Redis through a proxy that holds its feed of the room's changes back; its push
	// store goes straight to Redis.
	const proxy = await slowProxy(redisUrl);
	cleanups.push(() => proxy.close());
	const a = await startTestServer({ redisUrl, env: PUSH_ENV });
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
	const room = await hostAndBen(a.url, cleanups);
	proxy.holdWhen(
		(sent) => /\r\nsubscribe\r\n/i.test(sent) && sent.includes(feedChannel(room.roomId))
	);
	// Open in B (loaded there, and kept), which hears nothing of the room's changes from now on.
	const watching = await connectSynced(b.url, room.roomId);
	cleanups.push(() => watching.provider.destroy());
	await waitFor(() => proxy.holding(), 'B’s feed of the room held');
	return { a, b, store, proxy, ...room };
}
