import { describe, expect, test } from 'vitest';
import { MAX_PARTICIPANTS } from '../../src/lib/protocol/control';
import { playbookSchema } from '../../src/lib/protocol/playbook';
import { listeningCircle } from '../../src/lib/playbooks/built-in/listening-circle';
import { planSteps } from '../../src/lib/room/steps';
import type { JoinedPerson } from '../support/clients';
import { createRoom } from '../support/server';
import { serverWithPeople } from '../support/server-with-people';
import { waitFor } from '../support/wait';

const { server, person, joined, observe } = serverWithPeople({ leaveGraceMs: 150 });

describe('circles without a host', () => {
	test('when everyone present is ready, the next phase starts by itself', async () => {
		const room = await createRoom(server.url);
		const people = await Promise.all(['Ana', 'Ben', 'Cy'].map((name) => joined(room.id, name)));
		const watch = await observe(room.id);
		for (const p of people.slice(0, 2)) {
			expect(await p.send({ type: 'ready.set', step: 0, ready: true })).toEqual({ ok: true });
		}
		expect(watch.get('step')).toBe(0);
		await people[2]!.send({ type: 'ready.set', step: 0, ready: true });
		await waitFor(() => watch.get('step') === 1, 'the next phase');
		expect(watch.get('ready')).toEqual([]);
	});

	test('the server records each round’s speaker as it starts; a round that is over keeps it (issue 19.3)', async () => {
		const room = await createRoom(server.url, 'listening-circle');
		const names = ['Ana', 'Ben', 'Cy', 'Di', 'Eve'];
		const people: JoinedPerson[] = [];
		for (const [index, name] of names.entries()) {
			people.push(await joined(room.id, name, { roleId: index === 0 ? 'speaker' : 'listener' }));
		}
		const watch = await observe(room.id);
		const speakers = () =>
			(watch.get('speakers') ?? []) as { round: number; participantId: string }[];
		// One turn per person: a round for each of the five, not the playbook's four.
		await waitFor(() => watch.get('rounds') === 5, 'a round per person');
		const plan = planSteps({ ...playbookSchema.parse(listeningCircle), rounds: 5 });
		const startOf = (round: number) => plan.findIndex((s) => s.repeats && s.round === round);
		const [ana, ben] = people as [JoinedPerson, JoinedPerson];
		expect(await ana.send({ type: 'step.goto', target: startOf(1) })).toEqual({ ok: true });
		await waitFor(() => speakers().length === 1, 'round 1 on record');
		expect(speakers()).toEqual([{ round: 1, participantId: ana.id }]);
		expect(await ben.send({ type: 'step.goto', target: startOf(2) })).toEqual({ ok: true });
		await waitFor(() => speakers().length === 2, 'round 2 on record');
		expect(speakers()[1]).toEqual({ round: 2, participantId: ben.id });
		expect(watch.get('movedBy')).toBe(ben.id);

		// Ana, who spoke in round 1, and Ben, speaking now, leave: round 1 stays Ana's, round 2
		// goes to the next person who has not spoken, and the rounds are round 1 plus one for each
		// of Cy, Di and Eve.
		ana.socket.disconnect();
		ben.socket.disconnect();
		await waitFor(() => speakers()[1]?.participantId === people[2]!.id, 'round 2 passed on');
		expect(speakers()[0]).toEqual({ round: 1, participantId: ana.id });
		await waitFor(() => watch.get('rounds') === 4, 'rounds for those present');
	});

	test('the thirteenth participant is told the room is full', async () => {
		const room = await createRoom(server.url);
		for (let n = 0; n < MAX_PARTICIPANTS; n++) await joined(room.id, `P${n}`);
		const thirteenth = await person(room.id, 'Extra');
		expect(thirteenth.reply).toMatchObject({ ok: false, error: { code: 'room_full' } });
		expect(!thirteenth.reply.ok && thirteenth.reply.error.message).toContain('This room is full');
	});
});
