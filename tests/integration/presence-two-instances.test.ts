import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Participant } from '../../src/lib/protocol/presence';
import { cleanupsAfterEach } from '../support/cleanups';
import { connectSocket } from '../support/clients';
import { sends } from '../support/cutting-proxy';
import { instancesOn } from '../support/instances';
import { rostersOf, shown } from '../support/rosters';
import { startRestartableRedis, type RestartableRedis } from '../support/redis-server';
import { createRoom, tempDir } from '../support/server';
import { slowProxy } from '../support/slow-proxy';
import { waitFor } from '../support/wait';

let redis: RestartableRedis;
beforeAll(async () => {
	redis = await startRestartableRedis(tempDir());
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
// Heartbeats and the grace far longer than the test: what the roster shows comes from the leave.
const { instance, joined } = instancesOn(() => redis.url, cleanups, {
	PRESENCE_HEARTBEAT_MS: '60000',
	LEAVE_GRACE_MS: '60000'
});

const entriesOf = (roster: Participant[] | undefined, id: string) =>
	(roster ?? []).filter((p) => p.participantId === id);
const statusIn = (roster: Participant[] | undefined, id: string) =>
	entriesOf(roster, id).map((p) => p.status);

test('[S2, S3] an old connection closing on one instance does not show as dropped someone already back through another', async () => {
	const [a, b] = [await instance(), await instance()];
	const room = await createRoom(a.url);
	const ada = await joined(a, room.id, 'Ada');
	const oldBen = await joined(a, room.id, 'Ben');
	// Ben's phone came back through the other instance before the first noticed it had gone.
	await joined(b, room.id, 'Ben', { id: oldBen.id });
	const rosters = rostersOf(ada.socket);

	oldBen.socket.disconnect();
	await waitFor(() => rosters.length > 0, 'the roster after the old connection closed');
	expect(statusIn(rosters[0]?.roster, oldBen.id)).toEqual(['connected']);
});

test('[S2] someone with a tab on each instance is one roster entry, present while either tab is open', async () => {
	const [a, b] = [await instance(), await instance()];
	const room = await createRoom(a.url);
	const ada = await joined(a, room.id, 'Ada');
	const rosters = rostersOf(ada.socket);
	const benOnB = await joined(b, room.id, 'Ben');
	// His tab on A opens last: its instance wrote his record last.
	const benOnA = await joined(a, room.id, 'Ben', { id: benOnB.id });
	await waitFor(() => rosters.length >= 2, 'the rosters of both of Ben’s joins');
	expect(statusIn(shown(rosters), benOnB.id)).toEqual(['connected']);

	benOnA.socket.disconnect();
	await waitFor(() => rosters.length >= 3, 'the roster after his tab on A closed');
	expect(statusIn(shown(rosters), benOnB.id)).toEqual(['connected']);

	benOnB.socket.disconnect();
	await waitFor(() => rosters.length >= 4, 'the roster after his tab on B closed');
	expect(statusIn(shown(rosters), benOnB.id)).toEqual(['dropped']);
});

test('[S2] a tab hidden on one instance leaves someone connected while their tab on the other is shown', async () => {
	const [a, b] = [await instance(), await instance()];
	const room = await createRoom(a.url);
	const ada = await joined(a, room.id, 'Ada');
	const benOnA = await joined(a, room.id, 'Ben');
	const benOnB = await joined(b, room.id, 'Ben', { id: benOnA.id });
	const rosters = rostersOf(ada.socket);
	benOnB.socket.emit('presence:visibility', { visible: false });
	// A socket's events are handled in order: once a later one is answered, the report was.
	expect(await benOnB.send({ type: 'agreements.confirm' })).toEqual({ ok: true });
	// A later marker: every roster sent before Cleo's join is in by the time hers is.
	await joined(b, room.id, 'Cleo');
	await waitFor(() => rosters.some((r) => r.roster.some((p) => p.name === 'Cleo')), 'Cleo joined');
	expect(rosters.map((r) => statusIn(r.roster, benOnA.id))).toEqual(
		rosters.map(() => ['connected'])
	);
});

test('[S2] someone whose tabs on both instances close at once is dropped, then gone, and stays gone', async () => {
	const grace = { LEAVE_GRACE_MS: '300' };
	const [a, b] = [await instance(grace), await instance(grace)];
	const room = await createRoom(a.url);
	const ada = await joined(a, room.id, 'Ada');
	const benOnA = await joined(a, room.id, 'Ben');
	const benOnB = await joined(b, room.id, 'Ben', { id: benOnA.id });
	const rosters = rostersOf(ada.socket);
	benOnA.socket.disconnect();
	benOnB.socket.disconnect();
	await waitFor(
		() => statusIn(shown(rosters), benOnA.id)[0] === 'gone',
		'Ben gone after the grace'
	);
	await joined(b, room.id, 'Cleo');
	await waitFor(() => rosters.some((r) => r.roster.some((p) => p.name === 'Cleo')), 'Cleo joined');
	expect(statusIn(shown(rosters), benOnA.id)).toEqual(['gone']);
});

test('[S2, S27] a roster read on one instance before the other changed it comes late and changes nothing', async () => {
	const proxy = await slowProxy(redis.url);
	cleanups.push(() => proxy.close());
	const [a, b] = [await instance(), await instance({ REDIS_URL: proxy.url })];
	const room = await createRoom(a.url);
	const ada = await joined(a, room.id, 'Ada');
	const benOnA = await joined(a, room.id, 'Ben');
	const benOnB = await joined(b, room.id, 'Ben', { id: benOnA.id });
	const rosters = rostersOf(ada.socket);
	// B's roster after his tab there closed (still connected through A) is held on its way.
	proxy.holdWhen(sends('publish', 'presence:roster'));
	benOnB.socket.disconnect();
	await waitFor(() => proxy.holding(), 'B sending the roster after his tab there closed');
	benOnA.socket.disconnect();
	await waitFor(
		() => statusIn(shown(rosters), benOnA.id)[0] === 'dropped',
		'Ben dropped once both tabs closed'
	);
	const before = rosters.length;
	proxy.release();
	await waitFor(() => rosters.length > before, 'the held roster from B');
	expect(statusIn(rosters.at(-1)?.roster, benOnA.id)).toEqual(['connected']);
	expect(statusIn(shown(rosters), benOnA.id)).toEqual(['dropped']);
});

test('[S8] a projector on an instance where nobody joined the room sees the people of one that stopped go', async () => {
	const beats = { PRESENCE_HEARTBEAT_MS: '200' };
	const [a, b] = [await instance(beats), await instance(beats)];
	const room = await createRoom(a.url);
	const ann = await joined(a, room.id, 'Ann');
	const projector = await connectSocket(b.url);
	cleanups.push(() => projector.disconnect());
	const rosters = rostersOf(projector);
	const watch = await projector.emitWithAck('room:watch', {
		roomId: room.id,
		projectorToken: ann.reply.ok ? ann.reply.projectorToken : ''
	});
	expect(watch).toMatchObject({ ok: true, roster: [{ name: 'Ann', status: 'connected' }] });

	await a.stop('SIGKILL');
	// Nobody is left in the room through an instance that runs: only B's heartbeats can tell.
	await waitFor(() => statusIn(shown(rosters), ann.id)[0] === 'gone', 'Ann shown as gone');
});
