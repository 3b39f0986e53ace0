import { describe, expect, test } from 'vitest';
import { redirectLog } from '../../server/log';
import { joinAs } from '../support/clients';
import { postJson } from '../support/http';
import { createRoom, startTestServer } from '../support/server';
import { waitFor } from '../support/wait';
import { PUSH_STORES, pushRig, pushServer, STORY_PHASE } from '../support/web-push-rig';

const rig = pushRig();
const { cleanups, newBrowser } = rig;

describe.each(PUSH_STORES)('Web Push with %s', (_name, useRedis) => {
	const app = pushServer(rig, useRedis);
	const { joined, subscribe, stored, messagesTo } = app;

	test('[W7] [S20] removing someone deletes their subscriptions; everyone else keeps theirs', async () => {
		const { id: roomId, hostKey } = await createRoom(app.server.url, 'active-listening-sprint');
		const host = await joinAs(app.server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		cleanups.push(() => host.socket.disconnect());
		const hostPerson = { id: host.id, ticket: host.reply.ok ? host.reply.docTicket : '' };
		const ben = await joined(roomId, 'listener');
		const [hostBrowser, benBrowser] = [newBrowser(), newBrowser()];
		expect((await subscribe(roomId, hostPerson, hostBrowser)).status).toBe(201);
		expect((await subscribe(roomId, ben, benBrowser)).status).toBe(201);
		expect((await host.send({ type: 'host.remove', participantId: ben.id })).ok).toBe(true);
		await waitFor(
			async () => (await app.pushStore.ofPeople(roomId, [ben.id])).length === 0,
			'the removed person’s subscription to be deleted'
		);
		expect((await app.pushStore.ofPeople(roomId, [host.id])).map((push) => push.endpoint)).toEqual([
			hostBrowser.subscription.endpoint
		]);
	});

	test('[W7] erasing the room erases its subscriptions: no byte of an endpoint is left', async () => {
		const { id: roomId, hostKey } = await createRoom(app.server.url, 'active-listening-sprint');
		const host = await joinAs(app.server.url, roomId, 'Host', { roleId: 'speaker', hostKey });
		cleanups.push(() => host.socket.disconnect());
		if (!host.reply.ok) throw new Error(host.reply.error.message);
		const browser = newBrowser();
		await subscribe(roomId, { id: host.id, ticket: host.reply.docTicket }, browser);
		const marker = browser.path.slice(1);
		await waitFor(async () => (await stored()).includes(marker), 'the subscription stored');
		const erased = await host.send({ type: 'room.erase' });
		expect(erased.ok).toBe(true);
		await waitFor(async () => !(await stored()).includes(marker), 'the subscription gone');
		app.server.turnEvents.onTurnStarted(roomId, STORY_PHASE, [host.id]);
		expect(messagesTo(browser.path)).toEqual([]);
	});
});

test('[W7] endpoints and keys never reach the log, even at trace, while room ids and counts do', async () => {
	const written: string[] = [];
	const restoreLog = redirectLog({ write: (line: string) => written.push(line) });
	cleanups.push(restoreLog);
	const server = await startTestServer({
		logLevel: 'trace',
		env: { PUSH_SERVICES: rig.pushService.host },
		services: { pushAgent: rig.pushService.agent }
	});
	cleanups.push(() => server.close());
	const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
	const person = await joinAs(server.url, roomId, 'Ana', { roleId: 'speaker' });
	cleanups.push(() => person.socket.disconnect());
	if (!person.reply.ok) throw new Error(person.reply.error.message);
	const member = { participantId: person.id, ticket: person.reply.docTicket };
	const [kept, gone] = [newBrowser(), newBrowser()];
	rig.pushService.answer(gone.path, 410);
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
