import { describe, expect, test } from 'vitest';
import {
	castFor,
	castInRound,
	isObserverRole,
	roleIn,
	rotationSchedule,
	seatsOf,
	type Cast,
	type RotationPlan,
	type Seat
} from './rotation';

const pair: RotationPlan = {
	roles: [{ id: 'speaker' }, { id: 'listener' }],
	rotation: 'swap-each-round'
};
const twoRoles: RotationPlan = { ...pair, rotation: 'round-robin' };
const threeRoles: RotationPlan = {
	roles: [{ id: 'speaker' }, { id: 'listener' }, { id: 'observer' }],
	rotation: 'round-robin'
};

const seat = (name: string, roleId: string, present = true): Seat => ({
	participantId: `${name.toLowerCase()}-0001`,
	name,
	roleId,
	present
});

/** The cast as "Name:role" in the order it names people, the speaker first. */
const shown = (cast: Cast) => cast.members.map((person) => `${person.name}:${person.roleId}`);
const speakers = (plan: RotationPlan, seats: Seat[], rounds: number) =>
	rotationSchedule(plan, seats, rounds).map((round) => round.speaker?.name);

describe('rotation of a pair', () => {
	test('the pair swaps each round, starting with whoever joined as the speaker', () => {
		const seats = [seat('Ana', 'speaker'), seat('Ben', 'listener')];
		expect([1, 2, 3].map((round) => shown(castInRound(pair, seats, round)))).toEqual([
			['Ana:speaker', 'Ben:listener'],
			['Ben:speaker', 'Ana:listener'],
			['Ana:speaker', 'Ben:listener']
		]);
	});

	test('the speaker speaks first even when the listener joined first', () => {
		const seats = [seat('Ben', 'listener'), seat('Ana', 'speaker')];
		expect(castInRound(pair, seats, 1).speakerId).toBe('ana-0001');
		expect(castInRound(pair, seats, 2).speakerId).toBe('ben-0001');
	});

	test('with nobody joined as the speaker, the first to join speaks first', () => {
		const seats = [seat('Ben', 'listener'), seat('Ana', 'listener')];
		expect(shown(castInRound(pair, seats, 1))).toEqual(['Ben:speaker', 'Ana:listener']);
	});
});

describe('rotation of a circle', () => {
	const four = [
		seat('Ana', 'speaker'),
		seat('Ben', 'listener'),
		seat('Cy', 'observer'),
		seat('Di', 'observer')
	];

	test('with two roles, one speaker and everyone else listens; each speaks in turn', () => {
		expect(shown(castInRound(twoRoles, four, 2))).toEqual([
			'Ben:speaker',
			'Cy:listener',
			'Di:listener',
			'Ana:listener'
		]);
		expect(speakers(twoRoles, four, 5)).toEqual(['Ana', 'Ben', 'Cy', 'Di', 'Ana']);
	});

	test('with three roles, one speaker, one listener and observers; never two speakers', () => {
		const rounds = [1, 2, 3, 4].map((round) => shown(castInRound(threeRoles, four, round)));
		expect(rounds).toEqual([
			['Ana:speaker', 'Ben:listener', 'Cy:observer', 'Di:observer'],
			['Ben:speaker', 'Cy:listener', 'Di:observer', 'Ana:observer'],
			['Cy:speaker', 'Di:listener', 'Ana:observer', 'Ben:observer'],
			['Di:speaker', 'Ana:listener', 'Ben:observer', 'Cy:observer']
		]);
	});

	test('the first round goes to the first present seat that joined as the speaker', () => {
		const seats = [seat('Ana', 'speaker', false), seat('Ben', 'listener'), seat('Cy', 'speaker')];
		expect(speakers(twoRoles, seats, 1)).toEqual(['Cy']);
	});

	test('with nobody present as the speaker, the first round goes to the seat after the absent one', () => {
		const seats = [seat('Ana', 'listener'), seat('Ben', 'speaker', false), seat('Cy', 'listener')];
		expect(speakers(twoRoles, seats, 1)).toEqual(['Cy']);
	});

	test('a circle of six with three roles gives each person one turn to speak', () => {
		const six = ['Ana', 'Ben', 'Cy', 'Di', 'Ed', 'Flo'].map((name, index) =>
			seat(name, index === 2 ? 'speaker' : 'observer')
		);
		expect(speakers(threeRoles, six, 6)).toEqual(['Cy', 'Di', 'Ed', 'Flo', 'Ana', 'Ben']);
		const roles = castInRound(threeRoles, six, 1).members.map((person) => person.roleId);
		expect(roles.filter((role) => role === 'speaker')).toHaveLength(1);
		expect(roles.filter((role) => role === 'listener')).toHaveLength(1);
		expect(roles.filter((role) => role === 'observer')).toHaveLength(4);
	});

	test('a late joiner takes the last seat: this round is unchanged and they speak in turn', () => {
		const joined = [...four, seat('Ed', 'listener')];
		expect(shown(castInRound(threeRoles, joined, 2))).toEqual([
			'Ben:speaker',
			'Cy:listener',
			'Di:observer',
			'Ed:observer',
			'Ana:observer'
		]);
		expect(speakers(threeRoles, joined, 6)).toEqual(['Ana', 'Ben', 'Cy', 'Di', 'Ed', 'Ana']);
	});

	// Issue 19.3: the turns after used to stay on their seats, so Cy spoke twice (rounds 2 and 3)
	// before Di had spoken once. Now each round goes to whoever has spoken least.
	test('when the speaker leaves, the next present seat speaks, and nobody speaks twice before everyone has spoken', () => {
		const benLeft = four.map((person) =>
			person.name === 'Ben' ? { ...person, present: false } : person
		);
		expect(shown(castInRound(threeRoles, benLeft, 2))).toEqual([
			'Cy:speaker',
			'Di:listener',
			'Ana:observer'
		]);
		expect(speakers(threeRoles, benLeft, 4)).toEqual(['Ana', 'Cy', 'Di', 'Ana']);
	});

	test('when someone else leaves, the speaker stays and the roles close the gap', () => {
		const cyLeft = four.map((person) =>
			person.name === 'Cy' ? { ...person, present: false } : person
		);
		expect(shown(castInRound(threeRoles, cyLeft, 2))).toEqual([
			'Ben:speaker',
			'Di:listener',
			'Ana:observer'
		]);
	});

	test('with fewer people than roles, the later roles stay empty', () => {
		const alone = [seat('Ana', 'listener')];
		expect(shown(castInRound(threeRoles, alone, 1))).toEqual(['Ana:speaker']);
		const two = [seat('Ana', 'speaker'), seat('Ben', 'observer')];
		expect(rotationSchedule(threeRoles, two, 1)).toEqual([
			{
				round: 1,
				speaker: { participantId: 'ana-0001', name: 'Ana', roleId: 'speaker' },
				others: [
					{
						roleId: 'listener',
						people: [{ participantId: 'ben-0001', name: 'Ben', roleId: 'listener' }]
					}
				]
			}
		]);
	});

	test('when only people who left are on record, nobody has a role', () => {
		const gone = four.map((person) => ({ ...person, present: false }));
		expect(castInRound(threeRoles, gone, 2)).toMatchObject({ speakerId: undefined, members: [] });
		expect(castInRound(threeRoles, [], 1)).toMatchObject({ speakerId: undefined, members: [] });
	});
});

describe('without rotation', () => {
	const fixed: RotationPlan = { ...threeRoles, rotation: 'none' };

	test('everyone keeps the role they joined as, the speaker named first', () => {
		const seats = [seat('Ben', 'listener'), seat('Ana', 'speaker'), seat('Cy', 'listener')];
		for (const round of [1, 2, 3]) {
			expect(shown(castInRound(fixed, seats, round))).toEqual([
				'Ana:speaker',
				'Cy:listener',
				'Ben:listener'
			]);
		}
	});

	test('a single role has nothing to rotate', () => {
		const single: RotationPlan = { roles: [{ id: 'peer' }], rotation: 'round-robin' };
		const seats = [seat('Ana', 'peer'), seat('Ben', 'peer')];
		expect(shown(castInRound(single, seats, 2))).toEqual(['Ana:peer', 'Ben:peer']);
	});
});

describe('the schedule', () => {
	test('names each round’s speaker and the others by role, in playbook order', () => {
		const seats = [
			seat('Ana', 'speaker'),
			seat('Ben', 'listener'),
			seat('Cy', 'observer'),
			seat('Di', 'observer')
		];
		const names = (people: { name: string }[]) => people.map((person) => person.name);
		const second = rotationSchedule(threeRoles, seats, 2)[1];
		expect(second?.speaker?.name).toBe('Ben');
		expect(second?.others.map(({ roleId, people }) => [roleId, names(people)])).toEqual([
			['listener', ['Cy']],
			['observer', ['Di', 'Ana']]
		]);
	});
});

describe('roles in a room', () => {
	const people = {
		'ana-0001': { name: 'Ana', roleId: 'speaker' },
		'ben-0001': { name: 'Ben', roleId: 'listener' },
		'cy-00001': { name: 'Cy', roleId: 'observer' }
	};

	test('seats follow join order; the present are those on the roster and not gone', () => {
		const roster = [
			{ participantId: 'cy-00001', status: 'away' as const },
			{ participantId: 'ana-0001', status: 'gone' as const }
		];
		expect(seatsOf(people, roster).map((s) => [s.name, s.present])).toEqual([
			['Ana', false],
			['Ben', false],
			['Cy', true]
		]);
	});

	test('the cast of a round comes from the people on record and the roster', () => {
		const roster = Object.keys(people).map((participantId) => ({
			participantId,
			status: 'connected' as const
		}));
		const cast = castFor(threeRoles, { people, speakers: [] }, roster, 2);
		expect(roleIn(cast, 'ben-0001')).toBe('speaker');
		expect(roleIn(cast, 'ana-0001')).toBe('observer');
		expect(roleIn(cast, 'someone-else')).toBeUndefined();
	});

	test('observers are the roles after the speaker and the first role that follows it', () => {
		expect(isObserverRole(threeRoles, 'observer')).toBe(true);
		expect(isObserverRole(threeRoles, 'listener')).toBe(false);
		expect(isObserverRole(threeRoles, 'speaker')).toBe(false);
		expect(isObserverRole(threeRoles, undefined)).toBe(false);
		const chosen: RotationPlan = { ...threeRoles, speakerRole: 'listener' };
		expect(isObserverRole(chosen, 'speaker')).toBe(false);
		expect(isObserverRole(chosen, 'observer')).toBe(true);
		expect(isObserverRole(pair, 'listener')).toBe(false);
	});
});
