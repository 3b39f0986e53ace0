import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { controlLockKey } from '../../server/redis/keys';
import { CONTROL_MAP, type ControlCommand } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from '../support/cleanups';
import type { JoinedPerson } from '../support/clients';
import { instancesOn } from '../support/instances';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom } from '../support/server';
import { slowProxy } from '../support/slow-proxy';
import { waitFor } from '../support/wait';

let redis: TestRedis;
/** A client straight to Redis, to see the room's hold. */
let direct: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	direct = await connectRedis(redis.url, 'test-direct');
});
afterAll(async () => {
	await direct.close();
	await redis.stop();
});

const cleanups = cleanupsAfterEach();
const { instance, synced, joined } = instancesOn(() => redis.url, cleanups);

describe('[M7] decisions taken at the same moment on two instances', () => {
	test('both count: people joining and agreeing at once are all recorded', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url, 'active-listening-sprint');
		const watch = await synced(b, room.id);
		const control = () => watch.doc.getMap(CONTROL_MAP);
		for (let round = 0; round < 3; round++) {
			// joinAs confirms the agreements right after joining: two decisions per person.
			const [ana, ben] = await Promise.all([
				joined(a, room.id, `Ana ${round}`),
				joined(b, room.id, `Ben ${round}`)
			]);
			await waitFor(() => {
				const people = control().get('people') as Record<string, unknown> | undefined;
				const agreed = control().get('agreed') as string[] | undefined;
				return [ana.id, ben.id].every((id) => people?.[id] && agreed?.includes(id));
			}, `both people and both agreements of round ${round}`);
		}
		expect(Object.keys(control().get('people') as object)).toHaveLength(6);
		expect(control().get('agreed') as string[]).toHaveLength(6);
	});
});

/** Hands raised and timer length, as a screen synced to the room sees them. */
const controlOf = (doc: Y.Doc) => {
	const control = doc.getMap(CONTROL_MAP);
	return {
		hands: () => (control.get('hands') as string[] | undefined) ?? [],
		durationMs: () => (control.get('timer') as { durationMs: number }).durationMs
	};
};

/** A command sent again while the room answers busy (protocol S25), as the browser retries. */
async function untilDecided(person: JoinedPerson, command: ControlCommand) {
	let busy = 0;
	for (;;) {
		const reply = await person.send(command);
		if (reply.ok || reply.error.code !== 'busy') return { reply, busy };
		busy++;
	}
}

/**
 * Ana on instance A, whose Redis answers through a slow proxy, and Ben on instance B, straight
 * to Redis, in one room; `control` as B sees it, and the room's hold in Redis.
 */
async function anaSlowBenDirect() {
	const pa = await slowProxy(redis.url);
	cleanups.push(() => pa.close());
	const [a, b] = [await instance({ REDIS_URL: pa.url }), await instance()];
	const room = await createRoom(b.url, 'active-listening-sprint');
	const control = controlOf((await synced(b, room.id)).doc);
	const initial = control.durationMs();
	const [ana, ben] = [await joined(a, room.id, 'Ana'), await joined(b, room.id, 'Ben')];
	return { pa, a, control, initial, ana, ben, lock: controlLockKey(room.id) };
}

describe('[M8] one writer per room, with a Redis that answers slowly', () => {
	test('[S25] commands at once from two instances: each taken once or refused busy, none lost', async () => {
		const [pa, pb] = [await slowProxy(redis.url), await slowProxy(redis.url)];
		cleanups.push(
			() => pa.close(),
			() => pb.close()
		);
		const [a, b] = [await instance({ REDIS_URL: pa.url }), await instance({ REDIS_URL: pb.url })];
		const room = await createRoom(a.url, 'active-listening-sprint');
		const control = controlOf((await synced(b, room.id)).doc);
		const initial = control.durationMs();
		const people = await Promise.all(
			[a, b, a, b].map((server, i) => joined(server, room.id, `Person ${i}`))
		);
		pa.setDelay(15);
		pb.setDelay(15);
		const replies = await Promise.all(
			people.map(async (person) => [
				{ id: person.id, reply: await person.send({ type: 'hand.raise' }) },
				{ id: '', reply: await person.send({ type: 'timer.add-minute' }) },
				{ id: '', reply: await person.send({ type: 'timer.add-minute' }) }
			])
		).then((all) => all.flat());
		const refused = replies.flatMap(({ reply }) => (reply.ok ? [] : [reply.error.code]));
		expect(new Set(refused)).toEqual(new Set(refused.length > 0 ? ['busy'] : []));
		const raised = replies.filter(({ id, reply }) => id && reply.ok).map(({ id }) => id);
		const minutes = replies.filter(({ id, reply }) => !id && reply.ok).length;
		expect(raised.length + minutes).toBeGreaterThan(0);
		await waitFor(
			() =>
				control.durationMs() === initial + minutes * 60_000 &&
				control.hands().length === raised.length,
			`the ${minutes} minutes and ${raised.length} hands that were answered ok`
		);
		expect([...control.hands()].sort()).toEqual([...raised].sort());
	});

	test('[S25] a decision whose hold ran out before its change reached Redis is refused, not stored over the next one', async () => {
		const { pa, control, ana, ben, lock } = await anaSlowBenDirect();
		// Ana's decision is taken under the hold; its append (naming the hold) stalls on the way.
		pa.holdWhen((sent) => /evalsha/i.test(sent) && sent.includes(lock));
		const anaRaising = ana.send({ type: 'hand.raise' });
		await waitFor(() => pa.holding(), 'Ana’s append to stall');
		await waitFor(async () => (await direct.get(lock)) === null, 'Ana’s hold to run out');
		expect(await ben.send({ type: 'hand.raise' })).toEqual({ ok: true });
		pa.release();
		expect(await anaRaising).toMatchObject({ ok: false, error: { code: 'busy' } });
		await waitFor(() => control.hands().includes(ben.id), 'Ben’s hand');
		expect(control.hands()).toEqual([ben.id]);
		// Trying again decides on the room as it is now: both hands count.
		expect((await untilDecided(ana, { type: 'hand.raise' })).reply).toEqual({ ok: true });
		await waitFor(() => control.hands().length === 2, 'both hands');
	});

	test('an instance killed while it holds the room: the other decides once the hold ends, nothing doubled', async () => {
		const { pa, a, control, initial, ana, ben, lock } = await anaSlowBenDirect();
		pa.setDelay(300);
		void ana.send({ type: 'timer.add-minute' }).catch(() => undefined);
		await waitFor(async () => (await direct.get(lock)) !== null, 'Ana’s instance to take the hold');
		await a.stop('SIGKILL');
		const { reply, busy } = await untilDecided(ben, { type: 'timer.add-minute' });
		expect(reply).toEqual({ ok: true });
		// The dead instance's hold was waited out, not ignored.
		expect(busy).toBeGreaterThan(0);
		await waitFor(() => control.durationMs() === initial + 60_000, 'Ben’s minute');
		expect(await ben.send({ type: 'timer.pause' })).toEqual({ ok: true });
		expect(control.durationMs()).toBe(initial + 60_000);
	});
});
