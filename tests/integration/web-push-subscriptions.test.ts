import { describe, expect, test } from 'vitest';
import { joinAs } from '../support/clients';
import { sendJson } from '../support/http';
import { createRoom } from '../support/server';
import { PUSH_STORES, pushRig, pushServer, STORY_PHASE } from '../support/web-push-rig';

const rig = pushRig();
const { cleanups, newBrowser } = rig;

describe.each(PUSH_STORES)('Web Push with %s', (_name, useRedis) => {
	const app = pushServer(rig, useRedis);
	const { joined, subscribe, messagesTo, nextMessage } = app;

	test('[W1] [W2] without a member’s ticket, to another push service, or malformed: refused, nothing stored', async () => {
		const { id: roomId } = await createRoom(app.server.url, 'active-listening-sprint');
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
			subscription: { ...browser.subscription, endpoint: `http://${rig.pushService.host}/x` }
		};
		expect((await subscribe(roomId, ana, plain)).status).toBe(400);
		expect((await subscribe(roomId, ana, { subscription: { endpoint: 5 } })).status).toBe(400);
		expect((await subscribe(roomId, ana, browser, 'fr')).status).toBe(400);
		expect((await subscribe('A'.repeat(22), ana, browser)).status).toBe(404);
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		// Nothing was stored, so nothing is sent: a later subscription's message is the first.
		expect((await subscribe(roomId, ana, browser)).status).toBe(201);
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(browser.path, browser.keys, 0);
		expect(messagesTo(browser.path)).toHaveLength(1);
		expect(messagesTo('/push/elsewhere')).toEqual([]);
	});

	test('[W1] someone the host removed cannot subscribe with their ticket any more', async () => {
		const { id: roomId, hostKey } = await createRoom(app.server.url, 'active-listening-sprint');
		const host = await joinAs(app.server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		cleanups.push(() => host.socket.disconnect());
		const ben = await joined(roomId, 'listener');
		expect((await subscribe(roomId, ben, newBrowser())).status).toBe(201);
		expect((await host.send({ type: 'host.remove', participantId: ben.id })).ok).toBe(true);
		expect((await subscribe(roomId, ben, newBrowser())).status).toBe(403);
	});

	test('[W3] a member unsubscribes their browser; nobody else can', async () => {
		const { id: roomId } = await createRoom(app.server.url, 'active-listening-sprint');
		const [ana, ben] = [await joined(roomId), await joined(roomId, 'listener')];
		const browser = newBrowser();
		await subscribe(roomId, ana, browser);
		const unsubscribe = (person: { id: string; ticket: string }) =>
			sendJson('DELETE', app.server.url, `/api/rooms/${roomId}/push`, {
				participantId: person.id,
				ticket: person.ticket,
				endpoint: browser.subscription.endpoint
			});
		expect(await (await unsubscribe(ben)).json()).toEqual({ removed: false });
		expect(await (await unsubscribe(ana)).json()).toEqual({ removed: true });
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id, ben.id]);
		const other = newBrowser();
		await subscribe(roomId, ben, other);
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id, ben.id]);
		await nextMessage(other.path, other.keys, 0);
		expect(messagesTo(browser.path)).toEqual([]);
	});

	test('[W2] a member who knows another’s endpoint cannot subscribe it under themselves', async () => {
		const { id: roomId } = await createRoom(app.server.url, 'active-listening-sprint');
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
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [ana.id]);
		await nextMessage(anas.path, anas.keys, 0);
	});
});
