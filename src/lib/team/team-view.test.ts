import { describe, expect, test } from 'vitest';
import type { StoredShare } from '../protocol/team';
import { membersNeeded, teamView } from './team-view';

const TEAM = { id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'Support' };
const share = (sessions: number): StoredShare => ({
	sharedAt: 0,
	weeks: [{ week: '2026-03-02', sessions, minutes: sessions * 20, skills: { listening: sessions } }]
});

describe('the team threshold', () => {
	test('asks for three members by default, and for none once three or more share', () => {
		expect([0, 1, 2, 3, 4].map((sharing) => membersNeeded(sharing))).toEqual([3, 2, 1, 0, 0]);
	});

	test('follows another threshold when given one', () => {
		expect(membersNeeded(4, 5)).toBe(1);
		expect(membersNeeded(5, 5)).toBe(0);
	});

	test('below it the view says how many more are needed and carries no figures', () => {
		const view = teamView(TEAM, [share(4), share(1)]);
		expect(view).toEqual({ ...TEAM, sharing: 2, threshold: 3, visible: false, needed: 1 });
		expect(JSON.stringify(view)).not.toContain('"sessions"');
	});

	test('nobody sharing yet needs all three', () => {
		expect(teamView(TEAM, [])).toMatchObject({ visible: false, needed: 3, sharing: 0 });
	});

	test('at three members with practice the view shows the summed figures', () => {
		const view = teamView(TEAM, [share(4), share(1), share(2)]);
		expect(view).toMatchObject({ visible: true, sharing: 3 });
		if (!view.visible) throw new Error('figures expected');
		expect(view.figures.totals).toEqual({ sessions: 7, minutes: 140 });
	});

	test('shares without practice do not count toward it: two empty shares cannot unmask a third', () => {
		const view = teamView(TEAM, [share(4), share(0), { sharedAt: 0, weeks: [] }]);
		expect(view).toEqual({ ...TEAM, sharing: 3, threshold: 3, visible: false, needed: 2 });
	});
});
