import type { JournalEntry } from './entry';
import { addDays, lastWeeks, localWeekKey } from './metrics-dates';
import { sessionsOf, type MetricsContext } from './metrics';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

/**
 * A rhythm of practice that celebrates patterns: how many of the recent weeks had practice and
 * the longest run of weeks in a row. Nothing here resets to zero: a quiet week lowers "weeks of
 * the last eight" by one, and the longest run stays.
 */
export interface Rhythm {
	/** Weeks with at least one session among the last `window` weeks (this one included). */
	activeWeeks: number;
	window: number;
	/** Weeks with practice, ever. */
	weeksPractised: number;
	/** The longest run of consecutive weeks with practice. */
	longestRun: number;
	/**
	 * Consecutive weeks with practice up to now. The current week joins the run once practised,
	 * and until then the run counts to last week: a rhythm never breaks before a week is over.
	 */
	currentRun: number;
}

/** The default window: about two months. */
export const RHYTHM_WINDOW_WEEKS = 8;

export function rhythmOf(
	entries: readonly JournalEntry[],
	ctx: MetricsContext,
	window = RHYTHM_WINDOW_WEEKS
): Rhythm {
	const practised = new Set(sessionsOf(entries).map((s) => localWeekKey(s.date, ctx.timeZone)));
	const thisWeek = localWeekKey(ctx.now, ctx.timeZone);
	const activeWeeks = lastWeeks(thisWeek, window).filter((week) => practised.has(week)).length;

	let currentRun = 0;
	let week = practised.has(thisWeek) ? thisWeek : addDays(thisWeek, -7);
	for (; practised.has(week); week = addDays(week, -7)) currentRun += 1;

	let longestRun = 0;
	for (const start of practised) {
		// Only a run's first week starts a count, so each run is walked once.
		if (practised.has(addDays(start, -7))) continue;
		let length = 0;
		for (let w = start; practised.has(w); w = addDays(w, 7)) length += 1;
		longestRun = Math.max(longestRun, length);
	}
	return { activeWeeks, window, weeksPractised: practised.size, longestRun, currentRun };
}

/** The rhythm in encouraging sentences: what went well, never what was missed. */
export function rhythmWords(rhythm: Rhythm, locale: Locale = getLocale()): string[] {
	if (rhythm.weeksPractised === 0) return [m.practice_rhythm_first({}, { locale })];
	const words: string[] = [];
	if (rhythm.activeWeeks > 0) {
		words.push(
			m.practice_rhythm_active({ active: rhythm.activeWeeks, window: rhythm.window }, { locale })
		);
	} else {
		words.push(m.practice_rhythm_so_far({ weeks: rhythm.weeksPractised }, { locale }));
	}
	if (rhythm.currentRun >= 2)
		words.push(m.practice_rhythm_run({ weeks: rhythm.currentRun }, { locale }));
	if (rhythm.longestRun >= 2 && rhythm.longestRun > rhythm.currentRun) {
		words.push(m.practice_rhythm_longest({ weeks: rhythm.longestRun }, { locale }));
	}
	return words;
}
