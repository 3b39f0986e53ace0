import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { playbookSchema } from '../protocol/playbook';
import { placesOf, waitingFor } from './async-takers';
import { HOUR, playbook as sprint, T0 } from './async-schedule.fixture';
import { ana, ben, cara, Room } from './async-room.fixture';

describe('nobody left to wait for (A34)', () => {
	/** A time after the turns that brought `Room.at(9)` to its last step. */
	const late = T0 + 9 * HOUR;

	test('[A34] a removal that leaves only people who took their turn moves the room on at once', () => {
		const room = Room.at(9).turn(ana, late);
		expect(waitingFor(room.state, sprint)).toEqual([ben]);
		room.remove(ben, late);
		expect(room.state.async?.deadlineAt).toBeNull();
		expect(room.state.async?.missed).toEqual([]);
	});

	test('[A34] a removal that empties the step waits while a place is free, for the next to confirm', () => {
		const room = new Room(sprint)
			.join(ana)
			.confirm(ana)
			.join(ben)
			.confirm(ben)
			.join(cara, 'listener');
		room.remove(ben).turn(ana);
		expect(room.state.step).toBe(2);
		expect(room.takers).toEqual([]);
		expect(room.state.async?.deadlineAt).not.toBeNull();
		room.confirm(cara);
		expect(room.takers).toEqual([cara]);
		expect(room.told).toEqual([cara]);
	});

	test('[A34] a removal that empties the step while no place is free moves the room on at once', () => {
		// Without rotation people keep the roles they chose: Cara, who takes Ben's place, is a
		// speaker too, so nobody holding a place is the listener who reflects the story back.
		const fixedRoles = playbookSchema.parse({ ...activeListeningSprint, rotation: 'none' });
		const room = new Room(fixedRoles).join(ana).confirm(ana).join(ben).confirm(ben);
		room.join(cara).confirm(cara).turn(ana);
		expect(room.state.step).toBe(2);
		expect(room.takers).toEqual([ben]);
		room.remove(ben, T0 + HOUR);
		expect(placesOf(room.state, fixedRoles)).toEqual([ana, cara]);
		// Past the reflection, on to the rating, which both speakers give.
		expect(room.state.step).toBe(4);
		expect(room.state.async?.openedAt).toBe(T0 + HOUR);
		expect(room.takers).toEqual([ana, cara]);
		expect(room.state.async?.missed).toEqual([]);
	});

	test('[A34] paused, the room waits, and moves on at the resume', () => {
		const room = Room.at(9)
			.turn(ana, late)
			.act(ana, { type: 'room.pause' }, late)
			.remove(ben, late);
		expect(room.state.async?.deadlineAt).not.toBeNull();
		room.act(ana, { type: 'room.resume' }, late + HOUR);
		expect(room.state.async?.deadlineAt).toBeNull();
		expect(room.state.async?.missed).toEqual([]);
	});

	test('[A34] a step nobody has confirmed for yet waits, whoever joins', () => {
		const room = new Room(sprint).join(ana).join(ben);
		expect(room.state.step).toBe(1);
		expect(room.takers).toEqual([]);
		room.act(ana, { type: 'room.settle' }, T0 + HOUR);
		expect(room.state.step).toBe(1);
		expect(room.state.async?.openedAt).toBe(T0);
	});

	test('[A34] a step waiting for someone yet to confirm waits for them', () => {
		const room = new Room(sprint).join(ana).confirm(ana).join(ben).turn(ana);
		expect(room.state.step).toBe(2);
		expect(room.takers).toEqual([]);
		room.confirm(ben);
		expect(room.takers).toEqual([ben]);
		expect(room.told).toEqual([ben]);
	});
});
