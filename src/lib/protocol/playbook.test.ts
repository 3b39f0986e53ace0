import { expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { gratitudeCircle } from '../playbooks/built-in/gratitude-circle';
import { fiveMinuteWin } from '../playbooks/built-in/five-minute-win';
import {
	newPlaybookSchema,
	playbookSchema,
	playbookSummarySchema,
	summarizePlaybook,
	type PlaybookInput
} from './playbook';
import { parseWithProblems } from './problems';

test('[A1] a library summary says whether a room of the playbook can start across time zones', () => {
	const sprint = summarizePlaybook(playbookSchema.parse(activeListeningSprint), false);
	expect(sprint.turns).toBe(true);
	const circle = summarizePlaybook(playbookSchema.parse(gratitudeCircle), true);
	expect(circle.turns).toBe(false);
	// A summary stored before the flag existed reads as one without turns.
	const stored: Partial<typeof sprint> = { ...sprint };
	delete stored.turns;
	expect(playbookSummarySchema.parse(stored).turns).toBe(false);
});

test('a phase or role named constructor is refused in a new playbook, and still read from storage', () => {
	// The observer's id everywhere it appears: the role, its instructions, its turns.
	const named = JSON.parse(
		JSON.stringify(fiveMinuteWin).replaceAll('"observer"', '"constructor"')
	) as PlaybookInput;
	named.phases[0]!.id = 'constructor';
	const written = parseWithProblems(newPlaybookSchema, named);
	expect(written.ok ? [] : written.problems).toEqual([
		'roles[1].id: must not be a reserved name',
		'phases[0].id: must not be a reserved name'
	]);
	expect(playbookSchema.safeParse(named).success).toBe(true);
});
