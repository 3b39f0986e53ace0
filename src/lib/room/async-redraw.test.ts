import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { playbookSchema } from '../protocol/playbook';
import { placesOf } from './async-takers';
import { HOUR, playbook as sprint, T0 } from './async-schedule.fixture';
import { ana, ben, cara, Room } from './async-room.fixture';

const speakerOf = (room: Room, round: number) =>
	room.state.speakers.find((turn) => turn.round === round)?.participantId;

describe('a speaker is drawn again only when the places change (A33)', () => {
	test('[A33] going back to the first step of a round keeps the speaker who told the story', () => {
		const room = new Room(sprint).join(ben, 'speaker').join(ana, 'listener').confirm(ana);
		room.turn(ana);
		expect(room.state.step).toBe(2);
		room.confirm(ben);
		room.act(ana, { type: 'step.goto', target: 1 });
		expect(speakerOf(room, 1)).toBe(ana);
		expect(room.takers).toEqual([ana]);
		expect(room.told).not.toContain(ben);
	});

	test('[A33] back to turns at the same step, the speaker drawn live keeps the round', () => {
		const trio = playbookSchema.parse({
			...activeListeningSprint,
			groupSize: { ...activeListeningSprint.groupSize, max: 3 }
		});
		const room = new Room(trio).join(ana).join(ben).join(cara);
		room.confirm(ana).confirm(ben).confirm(cara);
		while (room.state.step < 5) for (const id of room.takers) room.turn(id);
		expect(speakerOf(room, 2)).toBe(ben);
		room.offline.add(ben);
		room.act(ana, { type: 'async.live' }).act(ana, { type: 'room.settle' });
		expect(speakerOf(room, 2)).toBe(cara);
		room.act(ana, { type: 'async.resume' }, T0 + HOUR);
		expect(speakerOf(room, 2)).toBe(cara);
		expect(room.takers).toEqual([cara]);
	});

	test('[A33] someone without a place choosing the speaker’s role changes nobody’s turn', () => {
		const room = new Room(sprint).join(cara, 'listener').join(ben, 'listener').join(ana);
		room.confirm(ana).confirm(ben);
		expect(speakerOf(room, 1)).toBe(ana);
		room.join(cara, 'speaker');
		expect(speakerOf(room, 1)).toBe(ana);
		expect(room.moved).toEqual([]);
	});

	test('[A33] a place-holder choosing another role draws nobody again', () => {
		const room = new Room(sprint).join(ana).confirm(ana).join(ben).confirm(ben);
		room.join(ben, 'speaker').join(ana, 'listener');
		expect(speakerOf(room, 1)).toBe(ana);
		expect(room.moved).toEqual([]);
	});

	test('[A33] the first speaker is drawn among the place-holders who chose the speaker’s role', () => {
		const room = new Room(sprint).join(cara, 'listener').join(ben, 'listener').join(ana);
		room.confirm(ben).join(cara, 'speaker').confirm(ana);
		expect(placesOf(room.state, sprint)).toEqual([ben, ana]);
		expect(speakerOf(room, 1)).toBe(ana);
		expect(room.takers).toEqual([ana]);
	});
});

describe('who is told a turn moved (A9)', () => {
	const confirmed = () => new Room(sprint).join(ana).confirm(ana).join(ben).confirm(ben);

	test('[A9] rejoining in the same role, or settling the room, tells nobody anything', () => {
		const room = confirmed().join(ben);
		expect([room.told, room.moved]).toEqual([[], []]);
		room.act(ana, { type: 'room.settle' }, T0 + HOUR);
		expect([room.told, room.moved]).toEqual([[], []]);
	});

	test('[A9] a place freed before the story draws its speaker again: the one who lost it is told why', () => {
		const room = new Room(sprint).join(cara).join(ana).confirm(ana).join(ben, 'speaker');
		room.confirm(ben).confirm(cara);
		expect(speakerOf(room, 1)).toBe(ana);
		room.remove(ben);
		expect(speakerOf(room, 1)).toBe(cara);
		expect(room.told).toEqual([cara]);
		expect(room.moved).toEqual([
			{
				type: 'turn-moved',
				phaseIndex: 1,
				personIds: [ana],
				toNames: ['Cara'],
				reason: 'place-freed'
			}
		]);
	});

	test('[A9] a place-holder choosing another role with the places unchanged: the turn moved, drawn again', () => {
		const fixedRoles = playbookSchema.parse({ ...activeListeningSprint, rotation: 'none' });
		const room = new Room(fixedRoles).join(ana).confirm(ana).join(ben).confirm(ben);
		room.join(ben, 'speaker');
		expect(room.takers).toEqual([ana, ben]);
		expect(room.moved).toEqual([]);
		room.join(ana, 'listener');
		expect(room.takers).toEqual([ben]);
		expect(room.told).toEqual([]);
		expect(room.moved).toEqual([
			{ type: 'turn-moved', phaseIndex: 1, personIds: [ana], toNames: [], reason: 'drawn-again' }
		]);
	});
});
