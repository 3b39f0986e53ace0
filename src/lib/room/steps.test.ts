import { describe, expect, test } from 'vitest';
import { planSteps, speakerRoleId } from './steps';

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

describe('the speaker role', () => {
	const roles = [{ id: 'listener' }, { id: 'teller' }];
	test('is the playbook’s choice, else its first role', () => {
		expect(speakerRoleId({ roles, speakerRole: 'teller' })).toBe('teller');
		expect(speakerRoleId({ roles })).toBe('listener');
		expect(speakerRoleId({ roles: [] })).toBeUndefined();
	});
});
