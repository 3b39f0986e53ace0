import { skillName } from '../i18n/facet-names';
import { m } from '$lib/paraglide/messages';
import type { TeamFigures } from '../protocol/team';

/** A trend line's drawing: runs of shown weeks as SVG point lists, and the hidden weeks' places. */
export interface TrendLine {
	/** One `x,y x,y …` string per run of consecutive shown weeks: a hidden week breaks the line. */
	runs: string[];
	/** x of each hidden week (too few members practised in it), drawn as a gap marker. */
	hidden: number[];
	max: number;
}

/**
 * Draws one figure of the weeks as a line in a `width` × `height` box (y grows downwards). A
 * hidden week is a gap, never a zero: a dip to zero would tell the room something false.
 */
export function trendLine(
	weeks: readonly { value: number | null }[],
	width: number,
	height: number
): TrendLine {
	const max = Math.max(1, ...weeks.map((w) => w.value ?? 0));
	const step = weeks.length > 1 ? width / (weeks.length - 1) : 0;
	const x = (i: number) => Math.round(weeks.length > 1 ? i * step : width / 2);
	const runs: string[] = [];
	const hidden: number[] = [];
	let run: string[] = [];
	weeks.forEach((week, i) => {
		if (week.value === null) {
			hidden.push(x(i));
			if (run.length > 0) runs.push(run.join(' '));
			run = [];
			return;
		}
		run.push(`${x(i)},${Math.round(height - (week.value / max) * height)}`);
	});
	if (run.length > 0) runs.push(run.join(' '));
	return { runs, hidden, max };
}

/**
 * Questions for the retro, chosen from the figures so the room talks about what it sees: the
 * direction of the last weeks, hidden weeks, the most and least practised skills shown, in the
 * reader's language.
 */
export function retroPrompts(figures: TeamFigures): string[] {
	const shown = figures.weeks.flatMap((w) => (w.sessions === null ? [] : [w.sessions]));
	const prompts: string[] = [];
	const last = shown.at(-1) ?? 0;
	const before = shown.at(-2);
	if (before !== undefined && last > before) {
		prompts.push(m.team_prompt_up());
	} else if (before !== undefined && last < before) {
		prompts.push(m.team_prompt_down());
	} else {
		prompts.push(m.team_prompt_helped());
	}
	if (figures.weeks.some((w) => w.sessions === null)) {
		prompts.push(m.team_prompt_hidden());
	}
	const top = figures.skills[0];
	const bottom = figures.skills.at(-1);
	if (top) prompts.push(m.team_prompt_top({ skill: skillName(top.skill) }));
	if (bottom && bottom !== top) {
		prompts.push(m.team_prompt_bottom({ skill: skillName(bottom.skill) }));
	}
	prompts.push(m.team_prompt_next());
	return prompts;
}
