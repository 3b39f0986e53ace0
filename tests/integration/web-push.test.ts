import { createPublicKey, verify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { PushStore } from '../../server/push/push-store';
import { createRedisPushStore } from '../../server/push/redis-push-store';
import { createSqlitePushStore } from '../../server/push/sqlite-push-store';
import { VAPID_KEYS_FILE } from '../../server/push/vapid-keys';
import { redirectLog } from '../../server/log';
import { connectRedis } from '../../server/redis/connect';
import { openSqlite } from '../../server/storage/sqlite';
import { pushKeyReplySchema } from '../../src/lib/protocol/push';
import { pushPayloadSchema } from '../../src/lib/protocol/push-payload';
import { joinAs } from '../support/clients';
import { cleanupsAfterEach } from '../support/cleanups';
import {
	decryptPush,
	newSubscriptionKeys,
	startPushService,
	type SubscriptionKeys,
	type TestPushService
} from '../support/push-service';
import { startRedis, type TestRedis } from '../support/redis-server';
import { postJson, sendJson } from '../support/http';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { redisEntries, sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

/** The phase of the Active Listening Sprint in which the story is told. */
const STORY_PHASE = 1;

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

let counter = 0;
/** A subscription of a fresh browser, its endpoint on the test push service. */
const newBrowser = () => {
	const path = `/push/${process.pid}-${++counter}`;
	const keys = newSubscriptionKeys();
	return {
		path,
		keys,
		subscription: {
			endpoint: `${pushService.origin}${path}`,
			expirationTime: null,
			keys: keys.json
		}
	};
};

/** Checks the VAPID JWT (RFC 8292) in `authorization` against the server's public key. */
function checkVapid(authorization: string, publicKey: string, audience: string) {
	const found = /^vapid t=([^,]+), k=(.+)$/.exec(authorization);
	expect(found?.[2]).toBe(publicKey);
	const [header, claims, signature] = (found?.[1] ?? '').split('.');
	const point = Buffer.from(publicKey, 'base64url');
	const key = createPublicKey({
		format: 'jwk',
		key: {
			kty: 'EC',
			crv: 'P-256',
			x: point.subarray(1, 33).toString('base64url'),
			y: point.subarray(33, 65).toString('base64url')
		}
	});
	const signed = verify(
		'sha256',
		Buffer.from(`${header}.${claims}`),
		{ key, dsaEncoding: 'ieee-p1363' },
		Buffer.from(signature ?? '', 'base64url')
	);
	expect(signed).toBe(true);
	const body = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString()) as Record<
		string,
		unknown
	>;
	expect(body.aud).toBe(audience);
	expect(body.sub).toBe('mailto:ops@example.org');
}

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('Web Push with %s', (_name, useRedis) => {
	let server: RunningServer;
	const dataDir = tempDir();
	beforeAll(async () => {
		server = await startTestServer({
			dataDir,
			redisUrl: useRedis ? redis.url : undefined,
			env: { PUSH_SERVICES: pushService.host, PUSH_CONTACT: 'mailto:ops@example.org' },
			services: { pushAgent: pushService.agent }
		});
		// The server's store, read beside it, to see what it keeps.
		if (useRedis) {
			const client = await connectRedis(redis.url, 'web-push-test');
			pushStore = createRedisPushStore(client);
			closeStore = () => client.close();
		} else {
			const db = openSqlite(dataDir);
			pushStore = createSqlitePushStore(db);
			closeStore = () => db.close();
		}
	});
	afterAll(async () => {
		await closeStore();
		await server.close();
	});
	let pushStore: PushStore;
	let closeStore: () => Promise<void> | void;

	async function joined(roomId: string, roleId = 'speaker') {
		const person = await joinAs(server.url, roomId, 'Ana', { roleId });
		cleanups.push(() => person.socket.disconnect());
		if (!person.reply.ok) throw new Error(person.reply.error.message);
		return { id: person.id, ticket: person.reply.docTicket, socket: person.socket };
	}

	async function subscribe(
		roomId: string,
		person: { id: string; ticket: string },
		browser: { subscription: unknown },
		locale = 'en'
	) {
		return postJson(server.url, `/api/rooms/${roomId}/push`, {
			participantId: person.id,
			ticket: person.ticket,
			locale,
			subscription: browser.subscription
		});
	}

	/** Everything the store holds right now, as text to search. */
	const stored = async () =>
		useRedis ? JSON.stringify(await redisEntries(redis.url)) : sqliteBytes(dataDir);

	const messagesTo = (path: string) => pushService.received.filter((r) => r.path === path);

	async function nextMessage(path: string, keys: SubscriptionKeys, before: number) {
		await waitFor(() => messagesTo(path).length > before, `a push message at ${path}`);
		const request = messagesTo(path)[before];
		if (!request) throw new Error('no message');
		return {
			request,
			payload: pushPayloadSchema.parse(JSON.parse(decryptPush(request.body, keys)))
		};
	}

	test('[W1] [W4] [W5] a member subscribes; their turn starts; the push service gets a message that decrypts with the subscription’s keys', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
		const ana = await joined(roomId);
		const browser = newBrowser();
		const key = pushKeyReplySchema.parse(await (await fetch(`${server.url}/api/push/key`)).json());
		expect((await subscribe(roomId, ana, browser, 'de')).status).toBe(201);

		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		const { request, payload } = await nextMessage(browser.path, browser.keys, 0);
		expect(payload).toEqual({
			title: 'Du bist dran: Sprint Aktives Zuhören',
			body: '„Die Geschichte erzählen“ wartet auf dich. Mach deinen Zug, wann es dir passt.',
			path: `/r/${roomId}`,
			tag: `turn-${roomId}`
		});
		expect(request.headers['content-encoding']).toBe('aes128gcm');
		expect(Number(request.headers.ttl)).toBeGreaterThan(0);
		checkVapid(String(request.headers.authorization), key.publicKey, pushService.origin);

		// A reminder lives at the push service until the deadline only.
		server.turnEvents.onDeadlineNear(roomId, STORY_PHASE, [ana.id], Date.now() + 3 * 3_600_000);
		const reminder = await nextMessage(browser.path, browser.keys, 1);
		expect(reminder.payload.body).toContain('etwa 3 Stunden');
		expect(Number(reminder.request.headers.ttl)).toBeLessThanOrEqual(3 * 3600);
	});

	test('[W4] only the people whose turn it is are told', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
		const [ana, ben] = [await joined(roomId), await joined(roomId, 'listener')];
		const [anaBrowser, benBrowser] = [newBrowser(), newBrowser()];
		await subscribe(roomId, ana, anaBrowser);
		await subscribe(roomId, ben, benBrowser);
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ben.id]);
		const { payload } = await nextMessage(benBrowser.path, benBrowser.keys, 0);
		expect(payload.title).toBe('Your turn: Active Listening Sprint');
		expect(messagesTo(anaBrowser.path)).toEqual([]);
	});

	test('[W1] [W2] without a member’s ticket, to another push service, or malformed: refused, nothing stored', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
		const ana = await joined(roomId);
		const browser = newBrowser();
		const forged = { id: ana.id, ticket: 'A'.repeat(43) };
		expect((await subscribe(roomId, forged, browser)).status).toBe(403);
		const elsewhere = {
			...browser,
			subscription: { ...browser.subscription, endpoint: 'https://10.0.0.1/push' }
		};
		const refused = await subscribe(roomId, ana, elsewhere);
		expect(refused.status).toBe(422);
		expect(((await refused.json()) as { error: string }).error).toMatch(/push service/);
		const plain = {
			...browser,
			subscription: { ...browser.subscription, endpoint: `http://${pushService.host}/x` }
		};
		expect((await subscribe(roomId, ana, plain)).status).toBe(400);
		expect((await subscribe(roomId, ana, { subscription: { endpoint: 5 } })).status).toBe(400);
		expect((await subscribe(roomId, ana, browser, 'fr')).status).toBe(400);
		expect((await subscribe('A'.repeat(22), ana, browser)).status).toBe(404);
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		// Nothing was stored, so nothing is sent: a later subscription's message is the first.
		expect((await subscribe(roomId, ana, browser)).status).toBe(201);
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(browser.path, browser.keys, 0);
		expect(messagesTo(browser.path)).toHaveLength(1);
		expect(messagesTo('/push/elsewhere')).toEqual([]);
	});

	test('[W1] someone the host removed cannot subscribe with their ticket any more', async () => {
		const { id: roomId, hostKey } = await createRoom(server.url, 'active-listening-sprint');
		const host = await joinAs(server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		cleanups.push(() => host.socket.disconnect());
		const ben = await joined(roomId, 'listener');
		expect((await subscribe(roomId, ben, newBrowser())).status).toBe(201);
		expect((await host.send({ type: 'host.remove', participantId: ben.id })).ok).toBe(true);
		expect((await subscribe(roomId, ben, newBrowser())).status).toBe(403);
	});

	test('[W7] [S20] removing someone deletes their subscriptions; everyone else keeps theirs', async () => {
		const { id: roomId, hostKey } = await createRoom(server.url, 'active-listening-sprint');
		const host = await joinAs(server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		cleanups.push(() => host.socket.disconnect());
		const hostPerson = { id: host.id, ticket: host.reply.ok ? host.reply.docTicket : '' };
		const ben = await joined(roomId, 'listener');
		const [hostBrowser, benBrowser] = [newBrowser(), newBrowser()];
		expect((await subscribe(roomId, hostPerson, hostBrowser)).status).toBe(201);
		expect((await subscribe(roomId, ben, benBrowser)).status).toBe(201);
		expect((await host.send({ type: 'host.remove', participantId: ben.id })).ok).toBe(true);
		await waitFor(
			async () => (await pushStore.ofPeople(roomId, [ben.id])).length === 0,
			'the removed person’s subscription to be deleted'
		);
		expect((await pushStore.ofPeople(roomId, [host.id])).map((push) => push.endpoint)).toEqual([
			hostBrowser.subscription.endpoint
		]);
	});

	test('[W3] a member unsubscribes their browser; nobody else can', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
		const [ana, ben] = [await joined(roomId), await joined(roomId, 'listener')];
		const browser = newBrowser();
		await subscribe(roomId, ana, browser);
		const unsubscribe = (person: { id: string; ticket: string }) =>
			sendJson('DELETE', server.url, `/api/rooms/${roomId}/push`, {
				participantId: person.id,
				ticket: person.ticket,
				endpoint: browser.subscription.endpoint
			});
		expect(await (await unsubscribe(ben)).json()).toEqual({ removed: false });
		expect(await (await unsubscribe(ana)).json()).toEqual({ removed: true });
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id, ben.id]);
		const other = newBrowser();
		await subscribe(roomId, ben, other);
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id, ben.id]);
		await nextMessage(other.path, other.keys, 0);
		expect(messagesTo(browser.path)).toEqual([]);
	});

	test('[W2] a member who knows another’s endpoint cannot subscribe it under themselves', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
		const [ana, ben] = [await joined(roomId), await joined(roomId, 'listener')];
		const anas = newBrowser();
		expect((await subscribe(roomId, ana, anas)).status).toBe(201);
		const stolen = {
			subscription: { ...anas.subscription, keys: newBrowser().subscription.keys }
		};
		const refused = await subscribe(roomId, ben, stolen);
		expect(refused.status).toBe(403);
		expect(await refused.json()).toMatchObject({ code: 'push_not_yours' });
		// Still Ana's, with her keys: her turn reaches her browser and decrypts.
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(anas.path, anas.keys, 0);
	});

	test('[W6] a subscription its push service answers 410 for is removed', async () => {
		const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
		const ana = await joined(roomId);
		const [gone, kept] = [newBrowser(), newBrowser()];
		pushService.answer(gone.path, 410);
		await subscribe(roomId, ana, gone);
		await subscribe(roomId, ana, kept);
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(gone.path, gone.keys, 0);
		await nextMessage(kept.path, kept.keys, 0);
		const endpoints = async () =>
			(await pushStore.ofPeople(roomId, [ana.id])).map((push) => push.endpoint);
		await waitFor(
			async () => !(await endpoints()).includes(gone.subscription.endpoint),
			'the gone one removed'
		);
		expect(await endpoints()).toEqual([kept.subscription.endpoint]);
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(kept.path, kept.keys, 1);
		expect(messagesTo(gone.path)).toHaveLength(1);
	});

	test('[W7] erasing the room erases its subscriptions: no byte of an endpoint is left', async () => {
		const { id: roomId, hostKey } = await createRoom(server.url, 'active-listening-sprint');
		const host = await joinAs(server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		cleanups.push(() => host.socket.disconnect());
		if (!host.reply.ok) throw new Error(host.reply.error.message);
		const browser = newBrowser();
		await subscribe(roomId, { id: host.id, ticket: host.reply.docTicket }, browser);
		const marker = browser.path.slice(1);
		await waitFor(async () => (await stored()).includes(marker), 'the subscription stored');
		const erased = await host.send({ type: 'room.erase' });
		expect(erased.ok).toBe(true);
		await waitFor(async () => !(await stored()).includes(marker), 'the subscription gone');
		server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [host.id]);
		expect(messagesTo(browser.path)).toEqual([]);
	});
});

test('[W1] [W8] with PUSH_SERVICES=off no key pair is made and the push routes are not there', async () => {
	const dataDir = tempDir();
	const server = await startTestServer({ dataDir, env: { PUSH_SERVICES: 'off' } });
	cleanups.push(() => server.close());
	expect((await fetch(`${server.url}/api/push/key`)).status).toBe(404);
	const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
	expect((await postJson(server.url, `/api/rooms/${roomId}/push`, {})).status).toBe(404);
	expect(existsSync(join(dataDir, VAPID_KEYS_FILE))).toBe(false);
});

test('[W7] endpoints and keys never reach the log, even at trace, while room ids and counts do', async () => {
	const written: string[] = [];
	const restoreLog = redirectLog({ write: (line: string) => written.push(line) });
	cleanups.push(restoreLog);
	const server = await startTestServer({
		logLevel: 'trace',
		env: { PUSH_SERVICES: pushService.host },
		services: { pushAgent: pushService.agent }
	});
	cleanups.push(() => server.close());
	const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
	const person = await joinAs(server.url, roomId, 'Ana', { roleId: 'speaker' });
	cleanups.push(() => person.socket.disconnect());
	if (!person.reply.ok) throw new Error(person.reply.error.message);
	const member = { participantId: person.id, ticket: person.reply.docTicket };
	const [kept, gone] = [newBrowser(), newBrowser()];
	pushService.answer(gone.path, 410);
	const path = `/api/rooms/${roomId}/push`;
	for (const browser of [kept, gone]) {
		await postJson(server.url, path, {
			...member,
			locale: 'en',
			subscription: browser.subscription
		});
	}
	const elsewhere = { ...kept.subscription, endpoint: 'https://10.0.0.1/secret-endpoint' };
	expect(
		(await postJson(server.url, path, { ...member, locale: 'en', subscription: elsewhere })).status
	).toBe(422);
	server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [person.id]);
	await waitFor(
		() => written.some((line) => line.includes('turn notifications sent')),
		'the count logged'
	);
	const log = written.join('\n');
	expect(log).toContain(roomId);
	for (const secret of [
		kept.path,
		gone.path,
		'secret-endpoint',
		kept.keys.json.p256dh,
		kept.keys.json.auth,
		member.ticket
	]) {
		expect(log).not.toContain(secret.replace(/^\//, ''));
	}
});
