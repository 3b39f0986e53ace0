import { describe, expect, test } from 'vitest';
import { controlStateSchema, type ControlState } from '../protocol/control';
import type { Participant } from '../protocol/presence';
import { HANDS_SHOWN, projectorView, type ProjectorPlan } from './projector-view';

const circle: ProjectorPlan = {
	roles: [{ id: 'speaker' }, { id: 'listener' }, { id: 'observer' }],
	rotation: 'round-robin',
	rounds: 3,
	phases: [
		{ title: 'Settle in', summary: 'Agree how we work together.', prompts: [] },
		{
			title: 'Tell the story',
			summary: 'The speaker tells a work moment.',
			prompts: ['A moment that stuck with you', 'A decision you are unsure about'],
			repeatsPerRound: true
		},
		{
			title: 'Rate it',
			summary: 'How understood did you feel?',
			prompts: [],
			repeatsPerRound: true
		},
		{ title: 'Debrief', summary: 'What will you try tomorrow?', prompts: [] }
	]
};
// Steps: 0 settle · 1–2 round 1 · 3–4 round 2 · 5–6 round 3 · 7 debrief.

const idOf = (name: string) => `${name.toLowerCase()}-0001`;
const joined: [string, string][] = [
	['Ana', 'speaker'],
	['Ben', 'listener'],
	['Cleo', 'observer'],
	['Dev', 'observer']
];
const people = Object.fromEntries(
	joined.map(([name, roleId]) => [idOf(name), { name, roleId }])
) as ControlState['people'];
const present: Pick<Participant, 'participantId' | 'name' | 'status'>[] = joined.map(([name]) => ({
	participantId: idOf(name),
	name,
	status: 'connected'
}));

const base = controlStateSchema.parse({
	step: 0,
	timer: { status: 'idle', durationMs: 60_000 },
	people
});
const at = (step: number, changes: Partial<ControlState> = {}): ControlState => ({
	...base,
	step,
	...changes
});

describe('projectorView: phase and progress', () => {
	test('before the rounds: the summary as prompt, no round, nobody speaking, round 1 up first', () => {
		expect(projectorView(circle, at(0), present)).toMatchObject({
			stepLabel: 'Step 1 of 8',
			roundLabel: undefined,
			phaseTitle: 'Settle in',
			prompt: 'Agree how we work together.',
			speaker: undefined,
			upNext: [
				{ round: 1, speaker: 'Ana' },
				{ round: 2, speaker: 'Ben' },
				{ round: 3, speaker: 'Cleo' }
			]
		});
	});

	test('in a round: the first prompt, the round, this round’s speaker and the next ones', () => {
		expect(projectorView(circle, at(3), present)).toMatchObject({
			stepLabel: 'Step 4 of 8',
			roundLabel: 'Round 2 of 3',
			phaseTitle: 'Tell the story',
			prompt: 'A moment that stuck with you',
			speaker: 'Ben',
			upNext: [{ round: 3, speaker: 'Cleo' }]
		});
	});

	test('the last round has nobody up next, and the debrief no speaker', () => {
		expect(projectorView(circle, at(6), present)).toMatchObject({ speaker: 'Cleo', upNext: [] });
		expect(projectorView(circle, at(7), present)).toMatchObject({
			roundLabel: undefined,
			speaker: undefined,
			upNext: []
		});
	});

	test('rounds added in the room count, and up next names at most three rounds', () => {
		const view = projectorView(circle, at(0, { rounds: 5 }), present);
		expect(view?.stepLabel).toBe('Step 1 of 12');
		expect(view?.upNext.map((next) => next.round)).toEqual([1, 2, 3]);
		expect(projectorView(circle, at(5, { rounds: 5 }), present)).toMatchObject({
			roundLabel: 'Round 3 of 5',
			upNext: [
				{ round: 4, speaker: 'Dev' },
				{ round: 5, speaker: 'Ana' }
			]
		});
	});

	test('when this round’s speaker leaves, the turn passes to the next person present', () => {
		const withoutBen = present.map((person) =>
			person.name === 'Ben' ? { ...person, status: 'gone' as const } : person
		);
		expect(projectorView(circle, at(3), withoutBen)?.speaker).toBe('Cleo');
	});

	test('a step the playbook does not have shows nothing', () => {
		expect(projectorView(circle, at(8), present)).toBeUndefined();
	});
});

describe('projectorView: hands and pause', () => {
	test('raised hands by name, first raised first; unknown people left out', () => {
		const hands = [idOf('Cleo'), 'stranger-0001', idOf('Ana')];
		expect(projectorView(circle, at(1, { hands }), present)).toMatchObject({
			hands: ['Cleo', 'Ana'],
			moreHands: 0
		});
	});

	test('beyond the names shown, hands are counted', () => {
		const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal'];
		const many = Object.fromEntries(
			names.map((name) => [idOf(name), { name, roleId: 'observer' }])
		) as ControlState['people'];
		const view = projectorView(circle, at(1, { people: many, hands: names.map(idOf) }), present);
		expect(view?.hands).toEqual(names.slice(0, HANDS_SHOWN));
		expect(view?.moreHands).toBe(names.length - HANDS_SHOWN);
	});

	test('a hand raised by someone not on record yet is named from the roster', () => {
		const roster = [
			...present,
			{ participantId: 'newcomer-01', name: 'Ivy', status: 'connected' as const }
		];
		expect(projectorView(circle, at(1, { hands: ['newcomer-01'] }), roster)?.hands).toEqual([
			'Ivy'
		]);
	});

	test('a hand is named as the roster names the person now, as everywhere in the room', () => {
		const renamed = present.map((person) =>
			person.name === 'Ana' ? { ...person, name: 'Anastasia' } : person
		);
		expect(projectorView(circle, at(1, { hands: [idOf('Ana')] }), renamed)?.hands).toEqual([
			'Anastasia'
		]);
	});

	test('paused for everyone while the control state holds a pause', () => {
		expect(projectorView(circle, at(1), present)?.paused).toBe(false);
		const pause = { at: 1_000, timerWasRunning: true };
		expect(projectorView(circle, at(1, { pause }), present)?.paused).toBe(true);
	});
});
