// A subscribe admitted, then stored only after its person was removed or the room erased: what the
// removal or the erase deleted must not come back (protocol W1, W7), also when the removal was
// decided on another instance; one that took over someone else's subscription in the same browser
// (W2) and is taken back gives it back, unless they were removed meanwhile too. The server's push
// store holds its adds back on demand, so the removal or the erase happens in between every time
// (tests/support/held-push-adds.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanupsAfterEach } from '../support/cleanups';
import {
	browserOf,
	heldSubscribe,
	hostAndBen,
	joinMember,
	serverWithHeldAdds,
	subscribe,
	twoInstancesBHeld,
	type BrowserSubscription,
	type HeldAdds,
	type PushMember
} from '../support/held-push-adds';
import { startRedis, type TestRedis } from '../support/redis-server';
import { waitFor } from '../support/wait';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

/** What the store keeps of `member`'s subscription of `browser`. */
const storedOf = (member: PushMember, browser: BrowserSubscription) => ({
	participantId: member.id,
	locale: 'en',
	endpoint: browser.endpoint,
	keys: browser.keys
});

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('a subscribe that crosses a removal or an erase, with %s', (_name, useRedis) => {
	let url: string;
	let store: HeldAdds;
	let close: () => Promise<void>;
	beforeAll(async () => {
		({
			server: { url },
			store,
			close
		} = await serverWithHeldAdds(useRedis ? redis.url : undefined));
	});
	afterAll(() => close());

	test('[W1] [W7] [S20] removed meanwhile: answered not_a_member, and nothing of it is kept', async () => {
		const { roomId, host, ben } = await hostAndBen(url, cleanups);
		const { letGo, answer } = await heldSubscribe(store, cleanups, {
			serverUrl: url,
			roomId,
			member: ben
		});
		// Answered once carried out: Ben's subscriptions (none yet) are deleted by now.
		expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ code: 'not_a_member' });
		expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
	});

	test('[W1] [W7] [S18] erased meanwhile: answered room_not_found, and nothing of it is kept', async () => {
		const { roomId, host, ben } = await hostAndBen(url, cleanups);
		const { letGo, answer } = await heldSubscribe(store, cleanups, {
			serverUrl: url,
			roomId,
			member: ben
		});
		expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ code: 'room_not_found' });
		expect(await store.ofPeople(roomId, [ben.id])).toEqual([]);
	});

	test('[W1] held with nothing in between: stored as usual', async () => {
		const { roomId, ben } = await hostAndBen(url, cleanups);
		const { letGo, answer } = await heldSubscribe(store, cleanups, {
			serverUrl: url,
			roomId,
			member: ben
		});
		letGo();
		expect((await answer).status).toBe(201);
		expect(await store.ofPeople(roomId, [ben.id])).toHaveLength(1);
	});

	test('[W2] [W7] [S20] Ben, removed meanwhile, took over the host’s browser: not_a_member, and the host’s subscription is back', async () => {
		const { roomId, host, hostMember, ben } = await hostAndBen(url, cleanups);
		const browser = browserOf(hostMember);
		expect((await subscribe(url, roomId, hostMember, browser)).status).toBe(201);
		const { letGo, answer } = await heldSubscribe(store, cleanups, {
			serverUrl: url,
			roomId,
			member: ben,
			browser
		});
		expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
		letGo();
		const response = await answer;
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ code: 'not_a_member' });
		// Before, the host's browser was nobody's in the room any more.
		expect(await store.ofPeople(roomId, [hostMember.id, ben.id])).toEqual([
			storedOf(hostMember, browser)
		]);
	});

	test('[W7] [S20] both the one taken over and the taker removed once it was stored: nothing of either is kept', async () => {
		const { roomId, host, ben } = await hostAndBen(url, cleanups);
		const ana = await joinMember(url, roomId, 'Ana', cleanups);
		const browser = browserOf(ana);
		expect((await subscribe(url, roomId, ana, browser)).status).toBe(201);
		const { letGo, answer } = await heldSubscribe(
			store,
			cleanups,
			{ serverUrl: url, roomId, member: ben, browser },
			'after storing'
		);
		// Ben's removal deletes the browser's subscription, his now; Ana's finds none of hers.
		expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
		expect(await host.send({ type: 'host.remove', participantId: ana.id })).toEqual({ ok: true });
		letGo();
		expect((await answer).status).toBe(403);
		// Handed back to Ana, and found removed: before, her subscription outlived her removal.
		expect(await store.ofPeople(roomId, [ana.id, ben.id])).toEqual([]);
	});
});

test('[W1] [W7] [S20] through another instance than the removal’s, the second look waits for the removal to arrive: not_a_member, nothing kept', async () => {
	const { b, store, proxy, roomId, host, ben } = await twoInstancesBHeld(redis.url, cleanups);
	const { letGo, answer } = await heldSubscribe(store, cleanups, {
		serverUrl: b.url,
		roomId,
		member: ben
	});
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
	const { a, b, store, roomId, host, ben } = await twoInstancesBHeld(redis.url, cleanups);
	expect((await subscribe(a.url, roomId, ben)).status).toBe(201);
	const { letGo, answer } = await heldSubscribe(store, cleanups, {
		serverUrl: b.url,
		roomId,
		member: ben
	});
	// A change B will not hear of while its feed is held: its second look cannot catch up.
	expect(await host.send({ type: 'timer.start' })).toEqual({ ok: true });
	letGo();
	const response = await answer;
	expect(response.status).toBe(503);
	expect(await response.json()).toMatchObject({ code: 'unavailable' });
	expect(await store.ofPeople(roomId, [ben.id])).toHaveLength(1);
});

test('[W2] [W7] a takeover whose second look cannot be had in time: 503, and the browser, handed back to the host, is deleted as that cannot be checked either', async () => {
	const { a, b, store, roomId, host, hostMember, ben } = await twoInstancesBHeld(
		redis.url,
		cleanups
	);
	const browser = browserOf(hostMember);
	expect((await subscribe(a.url, roomId, hostMember, browser)).status).toBe(201);
	const { letGo, answer } = await heldSubscribe(store, cleanups, {
		serverUrl: b.url,
		roomId,
		member: ben,
		browser
	});
	// A change B will not hear of while its feed is held: its second look cannot catch up.
	expect(await host.send({ type: 'timer.start' })).toEqual({ ok: true });
	letGo();
	const response = await answer;
	expect(response.status).toBe(503);
	expect(await response.json()).toMatchObject({ code: 'unavailable' });
	// Whether the host was removed meanwhile cannot be seen from B either: the host turns
	// notifications on again, where a removed person would have kept them.
	expect(await store.ofPeople(roomId, [hostMember.id, ben.id])).toEqual([]);
});

test('[W2] [W7] [S20] a takeover whose second look cannot be had, its earlier owner removed through another instance meanwhile: 503, and nothing of theirs is kept', async () => {
	const { a, b, store, roomId, host, hostMember, ben } = await twoInstancesBHeld(
		redis.url,
		cleanups
	);
	const browser = browserOf(ben);
	expect((await subscribe(a.url, roomId, ben, browser)).status).toBe(201);
	const { letGo, answer } = await heldSubscribe(
		store,
		cleanups,
		{ serverUrl: b.url, roomId, member: hostMember, browser },
		'after storing'
	);
	// Decided through A: Ben's removal finds the browser the host's, nothing of his to delete.
	expect(await host.send({ type: 'host.remove', participantId: ben.id })).toEqual({ ok: true });
	letGo();
	const response = await answer;
	expect(response.status).toBe(503);
	expect(await response.json()).toMatchObject({ code: 'unavailable' });
	// Handed back to Ben, whose removal B has not heard of: before, his subscription outlived it.
	expect(await store.ofPeople(roomId, [hostMember.id, ben.id])).toEqual([]);
});
