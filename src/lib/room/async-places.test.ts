import { describe, expect, test } from 'vitest';
import { feedbackThatLands } from '../playbooks/built-in/feedback-that-lands';
import { rolePlayWithReality } from '../playbooks/built-in/role-play-with-reality';
import { playbookSchema } from '../protocol/playbook';
import { placesOf, waitingFor, watches } from './async-takers';
import { HOUR, playbook as sprint, T0 } from './async-schedule.fixture';
import { ana, anasPhone, ben, cara, Room } from './async-room.fixture';
import { claimHost } from './room-rules';

/** Ana (host, speaker) and Ben (listener) confirmed, then Ana's phone joined and confirmed too. */
const withPhone = () =>
	new Room(sprint).join(ana).confirm(ana).join(ben).confirm(ben).join(anasPhone).confirm(anasPhone);

describe('places in a room on turns (A33)', () => {
	test('[A33] places go to the first people of the group size who confirmed, in that order', () => {
		const room = withPhone();
		expect(placesOf(room.state, sprint)).toEqual([ana, ben]);
		expect(watches(room.state, sprint, anasPhone)).toBe(true);
		expect(watches(room.state, sprint, ben)).toBe(false);
	});

	test('[A33] a second device watches: it takes no role, and no step waits for it', () => {
		const room = withPhone();
		expect(room.takers).toEqual([ana]);
		room.turn(ana);
		expect(room.state.step).toBe(2);
		expect(room.takers).toEqual([ben]);
		// Ben reflects it back: the room moves on at once to Ana's rating, not waiting for the phone.
		room.turn(ben, T0 + HOUR);
		expect(room.state.step).toBe(4);
		expect(room.state.async?.openedAt).toBe(T0 + HOUR);
		expect(() => room.turn(anasPhone)).toThrow(/not your turn/);
	});

	test.each([
		['Ana confirms first', [ana, ben]],
		['Ben confirms first', [ben, ana]]
	])('[A33] %s: Ana, who chose the speaker, tells the story', (_order, order) => {
		const room = new Room(sprint).join(ana).join(ben);
		for (const id of order) room.confirm(id);
		expect(room.takers).toEqual([ana]);
		expect(room.state.speakers).toEqual([{ round: 1, participantId: ana }]);
		expect(room.told).toEqual(order[1] === ana ? [ana] : []);
	});

	test('[A9] [A33] a speaker drawn again is told the turn moved, to whom and why', () => {
		const room = new Room(sprint).join(ana).join(ben).confirm(ben);
		expect(room.told).toEqual([ben]);
		room.confirm(ana);
		expect(room.moved).toEqual([
			{
				type: 'turn-moved',
				phaseIndex: 1,
				personIds: [ben],
				toNames: ['Ana'],
				reason: 'place-taken'
			}
		]);
	});

	test('[A9] a turn taken, or a step the room moved on from, tells nobody it moved', () => {
		const room = new Room(sprint).join(ana).confirm(ana).join(ben).confirm(ben).turn(ana);
		expect(room.moved).toEqual([]);
		const rolePlay = playbookSchema.parse(rolePlayWithReality);
		const scene = new Room(rolePlay).join(ana, 'practitioner').join(ben, 'counterpart');
		scene.confirm(ana).confirm(ben).turn(ana).turn(ana);
		expect(scene.takers).toEqual([ana, ben]);
		expect(scene.moved).toEqual([]);
	});

	test('[A33] once the story is told its speaker stays, whoever confirms later', () => {
		const room = new Room(sprint).join(ben).confirm(ben).turn(ben);
		expect(room.state.step).toBe(2);
		room.join(ana).confirm(ana);
		expect(room.state.speakers).toEqual([{ round: 1, participantId: ben }]);
		expect(room.takers).toEqual([ana]);
	});

	test('[A33] a turn taken before the round’s repeating steps begins the round: its giver stays', () => {
		const feedback = playbookSchema.parse(feedbackThatLands);
		const room = new Room(feedback);
		room.join(ana, 'receiver');
		room.confirm(ana).turn(ana);
		expect(room.takers).toEqual([ana]);
		room.join(ben, 'giver');
		room.confirm(ben);
		expect(room.state.speakers).toEqual([{ round: 1, participantId: ana }]);
		expect(room.takers).toEqual([ana]);
		expect(room.told).toEqual([]);
	});

	test('[A33] in a playbook without rounds, someone confirming after the first turn takes the free role', () => {
		const rolePlay = playbookSchema.parse(rolePlayWithReality);
		const room = new Room(rolePlay);
		room.join(ben, 'practitioner');
		room.join(ana, 'counterpart');
		room.confirm(ana).turn(ana);
		room.confirm(ben);
		// Ana, who set the scene as the practitioner, plays it as the practitioner.
		expect(room.takers).toEqual([ana, ben]);
		expect(room.told).toEqual([ben]);
	});

	test('[A33] a round that is over keeps its speaker when they lose their place', () => {
		const room = new Room(sprint).join(ana, 'listener').join(ben, 'speaker').join(cara);
		room.confirm(ana).confirm(ben).confirm(cara);
		while (room.state.step < 5) for (const id of room.takers) room.turn(id);
		const played = [
			{ round: 1, participantId: ben },
			{ round: 2, participantId: ana }
		];
		expect(room.state.speakers).toEqual(played);
		room.act(ana, { type: 'step.goto', target: 1 }).remove(ben);
		expect(room.state.speakers).toEqual(played);
	});

	test('[A33] the host removing a place-holder frees the place: the next to confirm takes it and is told', () => {
		const room = withPhone().turn(ana);
		expect(room.takers).toEqual([ben]);
		room.remove(ben);
		expect(placesOf(room.state, sprint)).toEqual([ana, anasPhone]);
		expect(room.state.step).toBe(2);
		expect(room.takers).toEqual([anasPhone]);
		expect(room.told).toEqual([anasPhone]);
	});

	test('[A9] paused, a freed place tells nobody: the resume tells whoever the step waits for, once', () => {
		const room = withPhone().turn(ana).act(ana, { type: 'room.pause' });
		room.remove(ben);
		expect(room.takers).toEqual([anasPhone]);
		expect(room.told).toEqual([]);
		room.act(ana, { type: 'room.resume' }, T0 + HOUR);
		expect(room.told).toEqual([anasPhone]);
	});

	test('[A33] removing someone else before the story keeps the speaker who chose the role', () => {
		const room = new Room(sprint).join(ana).confirm(ana).join(ben).confirm(ben).remove(ben);
		expect(room.takers).toEqual([ana]);
		expect(room.told).toEqual([]);
	});
});

describe('back to turns after moving live (A8)', () => {
	const rolePlay = playbookSchema.parse(rolePlayWithReality);
	/** Ana and Ben in the role-play's scene (both take a turn), Ana's taken, then live. */
	function playedLive(): Room {
		const room = new Room(rolePlay);
		for (const [id, roleId] of [
			[ana, 'practitioner'],
			[ben, 'counterpart']
		] as const) {
			room.act(id, { type: 'person.join', person: { name: id, roleId }, holdsHostKey: false });
			room.confirm(id);
		}
		room.turn(ana);
		expect(room.takers).toEqual([ana, ben]);
		room.state = claimHost(room.state, ana);
		return room.turn(ana).act(ana, { type: 'async.live' });
	}

	test('[A8] turns taken at one step do not count in the step the room moved to while live', () => {
		const room = playedLive();
		expect(room.state.async?.taken).toEqual([ana]);
		room.act(ana, { type: 'step.goto', target: room.state.step + 1 });
		room.act(ana, { type: 'async.resume' }, T0 + HOUR);
		expect(room.takers).toEqual([ana, ben]);
		expect(waitingFor(room.state, rolePlay)).toEqual([ana, ben]);
		expect(room.told).toEqual([ana, ben]);
	});

	test('[A8] back on the same step, “your turn” goes only to those still to take it', () => {
		const room = playedLive().act(ana, { type: 'async.resume' }, T0 + HOUR);
		expect(room.state.async?.taken).toEqual([ana]);
		expect(room.told).toEqual([ben]);
	});
});
