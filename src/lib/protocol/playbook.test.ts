import { expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { gratitudeCircle } from '../playbooks/built-in/gratitude-circle';
import { playbookSchema, playbookSummarySchema, summarizePlaybook } from './playbook';

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
