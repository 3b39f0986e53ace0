import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { pushKeyReplySchema } from '../../src/lib/protocol/push';
import { createRoom } from '../support/server';
import { waitFor } from '../support/wait';
import { PUSH_STORES, pushRig, pushServer, STORY_PHASE } from '../support/web-push-rig';

const rig = pushRig();
const { newBrowser } = rig;

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

describe.each(PUSH_STORES)('Web Push with %s', (_name, useRedis) => {
	const app = pushServer(rig, useRedis);
	const { joined, subscribe, messagesTo, nextMessage } = app;

	test('[W1] [W4] [W5] a member subscribes; their turn starts; the push service gets a message that decrypts with the subscription’s keys', async () => {
		const { id: roomId } = await createRoom(app.server.url, 'active-listening-sprint');
		const ana = await joined(roomId);
		const browser = newBrowser();
		const key = pushKeyReplySchema.parse(
			await (await fetch(`${app.server.url}/api/push/key`)).json()
		);
		expect((await subscribe(roomId, ana, browser, 'de')).status).toBe(201);

		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		const { request, payload } = await nextMessage(browser.path, browser.keys, 0);
		expect(payload).toEqual({
			title: 'Du bist dran: Sprint Aktives Zuhören',
			body: '„Die Geschichte erzählen“ wartet auf dich. Mach deinen Zug, wann es dir passt.',
			path: `/r/${roomId}`,
			tag: `turn-${roomId}`
		});
		expect(request.headers['content-encoding']).toBe('aes128gcm');
		expect(Number(request.headers.ttl)).toBeGreaterThan(0);
		checkVapid(String(request.headers.authorization), key.publicKey, rig.pushService.origin);

		// A reminder lives at the push service until the deadline only.
		app.server.turnEvents.onDeadlineNear(roomId, STORY_PHASE, [ana.id], Date.now() + 3 * 3_600_000);
		const reminder = await nextMessage(browser.path, browser.keys, 1);
		expect(reminder.payload.body).toContain('etwa 3 Stunden');
		expect(Number(reminder.request.headers.ttl)).toBeLessThanOrEqual(3 * 3600);
	});

	test('[W4] only the people whose turn it is are told', async () => {
		const { id: roomId } = await createRoom(app.server.url, 'active-listening-sprint');
		const [ana, ben] = [await joined(roomId), await joined(roomId, 'listener')];
		const [anaBrowser, benBrowser] = [newBrowser(), newBrowser()];
		await subscribe(roomId, ana, anaBrowser);
		await subscribe(roomId, ben, benBrowser);
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ben.id]);
		const { payload } = await nextMessage(benBrowser.path, benBrowser.keys, 0);
		expect(payload.title).toBe('Your turn: Active Listening Sprint');
		expect(messagesTo(anaBrowser.path)).toEqual([]);
	});

	test('[W6] a subscription its push service answers 410 for is removed', async () => {
		const { id: roomId } = await createRoom(app.server.url, 'active-listening-sprint');
		const ana = await joined(roomId);
		const [gone, kept] = [newBrowser(), newBrowser()];
		rig.pushService.answer(gone.path, 410);
		await subscribe(roomId, ana, gone);
		await subscribe(roomId, ana, kept);
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(gone.path, gone.keys, 0);
		await nextMessage(kept.path, kept.keys, 0);
		const endpoints = async () =>
			(await app.pushStore.ofPeople(roomId, [ana.id])).map((push) => push.endpoint);
		await waitFor(
			async () => !(await endpoints()).includes(gone.subscription.endpoint),
			'the gone one removed'
		);
		expect(await endpoints()).toEqual([kept.subscription.endpoint]);
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(kept.path, kept.keys, 1);
		expect(messagesTo(gone.path)).toHaveLength(1);
	});
});
