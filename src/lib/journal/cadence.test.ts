import { describe, expect, test } from 'vitest';
import {
	cadencePlanSchema,
	deepDiveDates,
	defaultPlan,
	plannedPractice,
	quarterOf,
	startLink,
	type CadencePlan
} from './cadence';

/** Tuesday 3 March 2026. */
const PLAN: CadencePlan = {
	...defaultPlan('2026-03-03'),
	quickWins: { playbookId: 'five-minute-win', weekdays: [0, 3], time: '11:00' }
};

describe('a plan of practice', () => {
	test('the default plan is a valid plan, starting on the next Tuesday', () => {
		expect(cadencePlanSchema.safeParse(defaultPlan('2026-03-03')).success).toBe(true);
		expect(defaultPlan('2026-03-03').startsOn).toBe('2026-03-03');
		expect(defaultPlan('2026-03-04').startsOn).toBe('2026-03-10');
		expect(defaultPlan('2026-03-09').startsOn).toBe('2026-03-10');
	});

	test.each([
		['a time that is not one', { deepDive: { ...PLAN.deepDive, time: '25:00' } }],
		['a rhythm over four weeks', { deepDive: { ...PLAN.deepDive, everyWeeks: 5 } }],
		['a weekday past Sunday', { quickWins: { ...PLAN.quickWins, weekdays: [7] } }],
		['an unknown skill', { focusByQuarter: ['juggling', null, null, null] }],
		['an impossible date', { startsOn: '2026-02-31' }]
	])('refuses %s', (_case, change) => {
		expect(cadencePlanSchema.safeParse({ ...PLAN, ...change }).success).toBe(false);
	});

	test('deep dives every other week from the start, and only from it', () => {
		expect(deepDiveDates(PLAN, '2026-03-01', '2026-04-15')).toEqual([
			'2026-03-03',
			'2026-03-17',
			'2026-03-31',
			'2026-04-14'
		]);
		expect(deepDiveDates(PLAN, '2026-03-18', '2026-04-01')).toEqual(['2026-03-31']);
	});

	test('quick wins on the chosen weekdays; deep dives carry the quarter’s focus skill', () => {
		expect(plannedPractice(PLAN, '2026-03-30', '2026-04-02')).toEqual([
			{
				kind: 'quick-win',
				date: '2026-03-30',
				time: '11:00',
				minutes: 5,
				playbookId: 'five-minute-win',
				focusSkill: null
			},
			{
				kind: 'deep-dive',
				date: '2026-03-31',
				time: '10:00',
				minutes: 45,
				playbookId: 'active-listening-sprint',
				focusSkill: 'listening'
			},
			{
				kind: 'quick-win',
				date: '2026-04-02',
				time: '11:00',
				minutes: 5,
				playbookId: 'five-minute-win',
				focusSkill: null
			}
		]);
		expect(plannedPractice(PLAN, '2026-04-14', '2026-04-14')[0]?.focusSkill).toBe('feedback');
	});

	test('nothing is planned before the start', () => {
		expect(plannedPractice(PLAN, '2026-02-01', '2026-03-02')).toEqual([]);
	});

	test('quarters run January–March, April–June, July–September, October–December', () => {
		expect(
			['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterOf)
		).toEqual([0, 0, 1, 2, 3]);
	});

	test('the start link opens a fresh room of the playbook', () => {
		expect(startLink('https://practice.example.org/', 'five-minute-win')).toBe(
			'https://practice.example.org/practice/start/five-minute-win'
		);
	});
});
