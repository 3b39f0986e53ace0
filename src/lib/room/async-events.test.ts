import { describe, expect, test } from 'vitest';
import { takeTurn } from './async-schedule';
import { turnEvents } from './async-events';
import { tick } from './async-clock';
import { ana, ben, HOUR, ok, playbook, started, T0 } from './async-schedule.fixture';

describe('what the schedule tells people', () => {
	test('[A9] a step opening tells its takers their turn started', () => {
		const before = started();
		const after = ok(takeTurn(before, playbook, ana, 1, T0));
		expect(turnEvents(before, after, playbook)).toEqual([
			{ type: 'turn-started', phaseIndex: 2, personIds: [ben] }
		]);
	});

	test('[A9] the reminder goes to those still to take their turn, once', () => {
		const before = started();
		const warned = tick(before, playbook, T0 + 22 * HOUR);
		expect(turnEvents(before, warned, playbook)).toEqual([
			{ type: 'deadline-near', phaseIndex: 1, personIds: [ana], deadlineAt: T0 + 24 * HOUR }
		]);
		expect(turnEvents(warned, tick(warned, playbook, T0 + 23 * HOUR), playbook)).toEqual([]);
	});
});
