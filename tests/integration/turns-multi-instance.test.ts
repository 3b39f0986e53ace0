import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { playbookSchema } from '../../src/lib/protocol/playbook';
import { listeningCircle } from '../../src/lib/playbooks/built-in/listening-circle';
import { planSteps } from '../../src/lib/room/steps';
import { cleanupsAfterEach } from '../support/cleanups';
import type { JoinedPerson } from '../support/clients';
import { instancesOn } from '../support/instances';
import { startRestartableRedis, type RestartableRedis } from '../support/redis-server';
import { createRoom, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

let redis: RestartableRedis;
beforeAll(async () => {
	redis = await startRestartableRedis(tempDir());
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
const { instance, synced, joined } = instancesOn(() => redis.url, cleanups, {
	PRESENCE_HEARTBEAT_MS: '200',
	LEAVE_GRACE_MS: '300'
});

const steps = planSteps({ ...playbookSchema.parse(listeningCircle), rounds: 5 });
const startOf = (round: number) => steps.findIndex((s) => s.repeats && s.round === round);

test('[M1] a circle spread over two instances records one speaker per round, and a leave passes only the round being played (issue 19.3)', async () => {
	const [a, b] = [await instance(), await instance()];
	const room = await createRoom(a.url, 'listening-circle');
	const people: JoinedPerson[] = [];
	for (const [index, name] of ['Ana', 'Ben', 'Cy', 'Di', 'Eve'].entries()) {
		const server = index % 2 === 0 ? a : b;
		people.push(
			await joined(server, room.id, name, { roleId: index === 0 ? 'speaker' : 'listener' })
		);
	}
	const [ana, ben, cy, di, eve] = people as [
		JoinedPerson,
		JoinedPerson,
		JoinedPerson,
		JoinedPerson,
		JoinedPerson
	];
	const watch = (await synced(b, room.id)).doc.getMap(CONTROL_MAP);
	const speakers = () =>
		(watch.get('speakers') ?? []) as { round: number; participantId: string }[];
	await waitFor(() => watch.get('rounds') === 5, 'a round for each of the five');

	expect(await ana.send({ type: 'step.goto', target: startOf(1) })).toEqual({ ok: true });
	expect(await ben.send({ type: 'step.goto', target: startOf(2) })).toEqual({ ok: true });
	// Cy on one instance and Di on the other start round 3 at the same moment: one move, one turn.
	const both = await Promise.all([
		cy.send({ type: 'step.goto', target: startOf(3) }),
		di.send({ type: 'step.goto', target: startOf(3) })
	]);
	expect(both).toEqual([{ ok: true }, { ok: true }]);
	await waitFor(() => speakers().length === 3, 'three rounds on record');
	expect(watch.get('step')).toBe(startOf(3));
	expect(speakers()).toEqual([
		{ round: 1, participantId: ana.id },
		{ round: 2, participantId: ben.id },
		{ round: 3, participantId: cy.id }
	]);

	// Cy, speaking now, leaves instance A; whichever instance settles the room passes her round on.
	cy.socket.disconnect();
	await waitFor(() => speakers()[2]?.participantId === di.id, 'round 3 passed to Di');
	expect(
		speakers()
			.slice(0, 2)
			.map((turn) => turn.participantId)
	).toEqual([ana.id, ben.id]);
	// Rounds 1 and 2 stay; Di speaks now and Eve after her.
	await waitFor(() => watch.get('rounds') === 4, 'rounds for those present');
	expect(await eve.send({ type: 'step.goto', target: startOf(4) })).toEqual({ ok: true });
	await waitFor(() => speakers().length === 4, 'round 4 on record');
	expect(speakers()[3]).toEqual({ round: 4, participantId: eve.id });
}, 60_000);
