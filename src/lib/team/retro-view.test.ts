import { describe, expect, test } from 'vitest';
import type { TeamFigures } from '../protocol/team';
import { inLocale } from '../../../tests/support/in-locale';
import { retroPrompts, trendLine } from './retro-view';

const figures = (sessions: (number | null)[], skills: TeamFigures['skills'] = []): TeamFigures => ({
	totals: { sessions: 0, minutes: 0 },
	weeks: sessions.map((n, i) => ({
		week: `2026-03-${String(2 + 7 * i).padStart(2, '0')}`,
		sessions: n,
		minutes: n
	})),
	skills
});

describe('the retro view', () => {
	test('a hidden week breaks the trend line instead of dipping to zero', () => {
		const line = trendLine([{ value: 2 }, { value: 4 }, { value: null }, { value: 1 }], 300, 100);
		expect(line.runs).toEqual(['0,50 100,0', '300,75']);
		expect(line.hidden).toEqual([200]);
		expect(line.max).toBe(4);
	});

	test('one week is drawn in the middle; no weeks draw nothing', () => {
		expect(trendLine([{ value: 3 }], 300, 100).runs).toEqual(['150,0']);
		expect(trendLine([], 300, 100)).toEqual({ runs: [], hidden: [], max: 1 });
	});

	test('the prompts follow the figures: direction, hidden weeks, most and least practised skill', () => {
		const prompts = retroPrompts(
			figures(
				[5, null, 3, 6],
				[
					{ skill: 'listening', sessions: 9 },
					{ skill: 'feedback', sessions: 3 }
				]
			)
		);
		expect(prompts).toEqual([
			'Practice went up last week. What made room for it?',
			'Some weeks are hidden because fewer than three of us practised. Who could pair up?',
			'We practised listening most. Where did it show in our work?',
			'The skill we practised least: feedback. Is it one we want more of?',
			'Which one small thing will we try before the next retro?'
		]);
		expect(retroPrompts(figures([6, 2]))[0]).toMatch(/went down/);
	});

	test('the prompts speak the room’s language, naming skills as the library does', () => {
		const weeks = figures(
			[4, 4],
			[
				{ skill: 'empathy', sessions: 5 },
				{ skill: 'trust', sessions: 1 }
			]
		);
		expect(inLocale('de', () => retroPrompts(weeks)).slice(1, 3)).toEqual([
			'Am meisten haben wir Empathie geübt. Wo hat man das in unserer Arbeit gemerkt?',
			'Am wenigsten haben wir Vertrauen geübt. Wollen wir davon mehr?'
		]);
		expect(inLocale('es', () => retroPrompts(weeks))[0]).toBe(
			'¿Qué te ayudó a practicar estas semanas?'
		);
	});
});
