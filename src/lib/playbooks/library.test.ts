import { describe, expect, test } from 'vitest';
import { playbookSchema, type PlaybookInput } from '../protocol/playbook';
import { parseWithProblems } from '../protocol/problems';
import { runsAsTurns } from '../protocol/turn-phases';
import { activeListeningSprint } from './built-in/active-listening-sprint';
import { builtInPlaybooks, findBuiltInPlaybook } from './library';

describe('playbook library', () => {
	test('the built-in collection has the nine playbooks, each complete', () => {
		expect(builtInPlaybooks.map((p) => p.id)).toEqual([
			'active-listening-sprint',
			'feedback-that-lands',
			'role-play-with-reality',
			'listening-circle',
			'coaching-session',
			'safety-opener',
			'five-minute-win',
			'gratitude-circle',
			'swap-and-solve'
		]);
		for (const playbook of builtInPlaybooks) {
			for (const phase of playbook.phases) {
				// Every role knows what to do in every phase.
				expect(Object.keys(phase.instructions).sort(), `${playbook.id}/${phase.id}`).toEqual(
					playbook.roles.map((role) => role.id).sort()
				);
			}
			expect(playbook.groupSize.min).toBeLessThanOrEqual(playbook.groupSize.max);
		}
		expect(findBuiltInPlaybook('no-such-playbook')).toBeUndefined();
	});

	test('[A23] each built-in playbook that runs as turns ends on a turn for every role', () => {
		const onTurns = builtInPlaybooks.filter(runsAsTurns);
		expect(onTurns.map((p) => p.id)).toEqual([
			'active-listening-sprint',
			'feedback-that-lands',
			'role-play-with-reality'
		]);
		for (const playbook of onTurns) {
			// So each person leaves their commitment and shout-out in a turn of their own.
			expect([...(playbook.phases.at(-1)?.turnBy ?? [])].sort(), playbook.id).toEqual(
				playbook.roles.map((role) => role.id).sort()
			);
		}
	});

	test('defaults are filled in: tool none, not repeated per round, one round', () => {
		const opener = findBuiltInPlaybook('safety-opener')!;
		expect(opener.phases[0]).toMatchObject({ tool: 'none', repeatsPerRound: false });
		expect(opener.rounds).toBe(1);
	});
});

describe('playbook problems are listed as path: message', () => {
	const broken = (change: (p: PlaybookInput) => void): string[] => {
		const copy = structuredClone(activeListeningSprint);
		change(copy);
		const parsed = parseWithProblems(playbookSchema, copy);
		return parsed.ok ? [] : parsed.problems;
	};

	test('a timebox that is not positive, and an empty phase title', () => {
		expect(
			broken((p) => {
				p.phases[2]!.durationSec = -5;
				p.phases[1]!.title = '  ';
			})
		).toEqual([
			'phases[1].title: must not be empty',
			'phases[2].durationSec: must be a positive number'
		]);
	});

	test('missing fields, wrong types and unknown fields', () => {
		expect(
			broken((p) => {
				delete (p as Partial<PlaybookInput>).closing;
				(p as unknown as { minutes: string }).minutes = 'twenty';
				(p as unknown as { colour: string }).colour = 'blue';
				p.phases[0]!.instructions = { coach: 'Watch.' };
			})
		).toEqual([
			'minutes: must be a positive number',
			'closing: is required',
			'has unknown field: colour',
			// Cross-field rules are reported together with the field problems.
			'phases[0].instructions.coach: names an unknown role "coach"'
		]);
	});

	test('rules across fields: unknown roles, repeated ids, group size, the speaker role', () => {
		expect(
			broken((p) => {
				p.phases[3]!.instructions = { ...p.phases[3]!.instructions, coach: 'Watch.' };
				p.phases[4]!.id = p.phases[0]!.id;
				p.groupSize = { min: 3, max: 2 };
				p.speakerRole = 'coach';
			})
		).toEqual([
			'groupSize.min: must not be more than max',
			'speakerRole: names an unknown role "coach"',
			'phases[3].instructions.coach: names an unknown role "coach"',
			'phases[4].id: repeats the phase id "settle"'
		]);
	});

	test('values outside the allowed lists name the allowed values', () => {
		expect(
			broken((p) => {
				(p as unknown as { difficulty: string }).difficulty = 'expert';
				(p.phases[0] as unknown as { tool: string }).tool = 'whiteboard';
			})
		).toEqual([
			'difficulty: must be one of: starter, practised, advanced',
			'phases[0].tool: must be one of: none, notes, paraphrase, rating, feedback-builder, script, silence, two-sentences, commitment, reflection'
		]);
	});
});
