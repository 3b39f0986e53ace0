import { describe, expect, test } from 'vitest';
import { playbookSchema } from '../protocol/playbook';
import { formatProblems } from '../protocol/problems';
import { activeListeningSprint } from './active-listening-sprint';
import { builtInPlaybooks, findPlaybook } from './library';

describe('playbook library', () => {
	test('every built-in playbook parses and gives each role instructions in every phase', () => {
		for (const playbook of builtInPlaybooks) {
			for (const phase of playbook.phases) {
				expect(Object.keys(phase.instructions).sort()).toEqual(
					playbook.roles.map((role) => role.id).sort()
				);
			}
		}
		expect(findPlaybook('active-listening-sprint')?.title).toBe('Active Listening Sprint');
		expect(findPlaybook('no-such-playbook')).toBeUndefined();
	});

	test('a broken playbook lists every problem as path: message', () => {
		const broken = structuredClone(activeListeningSprint);
		broken.phases[2] = { ...broken.phases[2]!, durationSec: -5, title: '' };
		broken.phases[3] = {
			...broken.phases[3]!,
			instructions: { ...broken.phases[3]!.instructions, coach: 'x' }
		};
		const result = playbookSchema.safeParse(broken);
		expect(result.success).toBe(false);
		expect(formatProblems(result.error!)).toEqual([
			'phases[2].title: Too small: expected string to have >=1 characters',
			'phases[2].durationSec: Too small: expected number to be >0',
			'phases[3].instructions.coach: names an unknown role "coach"'
		]);
	});
});
