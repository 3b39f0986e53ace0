import { describe, expect, test } from 'vitest';
import { planSteps, roleInRound, speakerRoleId } from './steps';

const phase = (repeatsPerRound = false) => ({ repeatsPerRound });

describe('step plan', () => {
	test('phases that repeat are played round after round; the others once', () => {
		const steps = planSteps({ phases: [phase(), phase(true), phase(true), phase()], rounds: 2 });
		expect(steps.map((s) => [s.phaseIndex, s.round])).toEqual([
			[0, 1],
			[1, 1],
			[2, 1],
			[1, 2],
			[2, 2],
			[3, 1]
		]);
		expect(steps.map((s) => s.repeats)).toEqual([false, true, true, true, true, false]);
	});

	test('one round, or no repeating phase, is the phase list itself', () => {
		expect(planSteps({ phases: [phase(), phase(true)], rounds: 1 })).toHaveLength(2);
		expect(planSteps({ phases: [phase(), phase()], rounds: 3 })).toHaveLength(2);
	});

	test('two separate runs of repeating phases each get their rounds', () => {
		const steps = planSteps({ phases: [phase(true), phase(), phase(true)], rounds: 2 });
		expect(steps.map((s) => s.phaseIndex)).toEqual([0, 0, 1, 2, 2]);
	});
});

describe('role in a round', () => {
	const pair = { phases: [], roles: [{ id: 'speaker' }, { id: 'listener' }] };
	const circle = { phases: [], roles: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };

	test('a pair swaps roles each round', () => {
		const plan = { ...pair, rotation: 'swap-each-round' as const };
		expect([1, 2, 3].map((round) => roleInRound(plan, 'speaker', round))).toEqual([
			'speaker',
			'listener',
			'speaker'
		]);
	});

	test('a circle moves one role along each round', () => {
		const plan = { ...circle, rotation: 'round-robin' as const };
		expect([1, 2, 3, 4].map((round) => roleInRound(plan, 'b', round))).toEqual([
			'b',
			'c',
			'a',
			'b'
		]);
	});

	test('without rotation, or for an unknown role, the joined role stays', () => {
		expect(roleInRound({ ...pair, rotation: 'none' }, 'listener', 2)).toBe('listener');
		expect(roleInRound({ ...pair, rotation: 'swap-each-round' }, 'ghost', 2)).toBe('ghost');
	});
});

describe('the speaker role', () => {
	const roles = [{ id: 'listener' }, { id: 'teller' }];
	test('is the playbook’s choice, else its first role', () => {
		expect(speakerRoleId({ roles, speakerRole: 'teller' })).toBe('teller');
		expect(speakerRoleId({ roles })).toBe('listener');
		expect(speakerRoleId({ roles: [] })).toBeUndefined();
	});
});
