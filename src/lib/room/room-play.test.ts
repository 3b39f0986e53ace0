import { describe, expect, test } from 'vitest';
import { controlStateSchema, type ControlState } from '../protocol/control';
import { asyncState } from './async-schedule.fixture';
import { roomPlay, type PlayPlan } from './room-play';
import type { RosterEntry } from './room-view';

const pair: PlayPlan = {
	roles: [{ id: 'speaker' }, { id: 'listener' }],
	rotation: 'swap-each-round',
	rounds: 2,
	phases: [{}, { repeatsPerRound: true }, {}]
};
// Steps: 0 opening · 1 round 1 · 2 round 2 · 3 closing.

const entry = (name: string): RosterEntry => ({
	participantId: `${name.toLowerCase()}-000001`,
	name,
	status: 'connected'
});
const ana = entry('Ana');
const ben = entry('Ben');
const cy = entry('Cy');

const at = (step: number, changes: Partial<ControlState> = {}): ControlState => ({
	...controlStateSchema.parse({
		step,
		timer: { status: 'idle', durationMs: 60_000 },
		people: {
			[ana.participantId]: { name: 'Ana', roleId: 'speaker' },
			[ben.participantId]: { name: 'Ben', roleId: 'listener' },
			[cy.participantId]: { name: 'Cy', roleId: 'listener' }
		}
	}),
	...changes
});

describe('the room as it plays now', () => {
	test('the current step, its phase and its round', () => {
		const play = roomPlay(pair, at(2), [ana, ben]);
		expect(play.steps).toHaveLength(4);
		expect(play.current).toEqual({
			phaseIndex: 1,
			round: 2,
			repeats: true,
			phase: pair.phases[1]
		});
		expect(play.round).toBe(2);
	});

	test('the rounds people added make the plan longer', () => {
		const play = roomPlay(pair, at(0, { rounds: 3 }), [ana, ben]);
		expect(play.plan.rounds).toBe(3);
		expect(play.steps).toHaveLength(5);
	});

	test('the cast of the current round: the pair swapped in round 2', () => {
		const cast = roomPlay(pair, at(2), [ana, ben]).cast;
		expect(cast.round).toBe(2);
		expect(cast.speakerId).toBe(ben.participantId);
	});

	test('someone the host removed is off the roster and out of the cast at once', () => {
		const play = roomPlay(pair, at(1, { removed: [cy.participantId] }), [ana, ben, cy]);
		expect(play.roster).toEqual([ana, ben]);
		expect(play.cast.members.map((member) => member.name)).toEqual(['Ana', 'Ben']);
	});

	test('[A33] on turns the cast is the place-holders, online or not: a watcher has no role', () => {
		// Cy confirmed third in a room for two: Cy watches, Ben holds his place while offline.
		const onTurns = at(1, {
			async: asyncState(),
			agreed: [ana, ben, cy].map((p) => p.participantId)
		});
		const play = roomPlay({ ...pair, groupSize: { max: 2 } }, onTurns, [ana, cy]);
		expect(play.cast.members.map((member) => member.name)).toEqual(['Ana', 'Ben']);
	});

	test('a step the plan does not have: no current step, and round 1', () => {
		const play = roomPlay(pair, at(9), [ana, ben]);
		expect(play.current).toBeUndefined();
		expect(play.round).toBe(1);
	});
});
