import { getLocale } from '$lib/paraglide/runtime';
import { downloadFile } from '../client/download';
import type { CadencePlan } from './cadence';
import { practiceCalendar } from './cadence-calendar';
import { cadenceCalendar } from './cadence-ics';
import { savedPlan, savePlan } from './cadence-store';
import { badgesOf } from './badges';
import type { Confidence } from './entry';
import type { JournalStore } from './journal-store';
import { LiveJournal } from './live-journal.svelte';
import {
	confidenceBySkill,
	practiceTotals,
	ratingsOverTime,
	weeklyPractice,
	type TrendPoint
} from './metrics';
import { localDateKey } from './metrics-dates';
import { pulseMonth, pulseOf, pulseQuestion, pulseTrend, writePulse } from './pulse';
import { rhythmOf, rhythmWords } from './streaks';

/** Weeks in the weekly charts: about a quarter. */
export const CHART_WEEKS = 12;

/**
 * The "My practice" page's state: this browser's journal, kept current as it changes, and
 * everything computed from it in the person's time zone; the monthly pulse and the cadence plan.
 */
export class MetricsView extends LiveJournal {
	plan = $state<CadencePlan | undefined>();

	// Deriveds that read the constructor's arguments do so inside a function: they are set after
	// the fields.
	readonly ctx = $derived.by(() => ({ timeZone: this.timeZone, now: this.now }));
	readonly today = $derived(localDateKey(this.now, this.ctx.timeZone));
	readonly weeks = $derived(weeklyPractice(this.entries, this.ctx, CHART_WEEKS));
	readonly totals = $derived(practiceTotals(this.entries));
	readonly rhythm = $derived(rhythmWords(rhythmOf(this.entries, this.ctx)));
	readonly badges = $derived(badgesOf(this.entries, this.ctx.timeZone));
	readonly ratings = $derived(ratingsOverTime(this.entries, this.ctx.timeZone));
	readonly confidence = $derived(confidenceBySkill(this.entries, this.ctx.timeZone));
	readonly pulses = $derived(pulseTrend(this.entries, this.ctx.timeZone));
	/** One time span for every trend line, from the first point to now, so they line up. */
	readonly domain = $derived(this.#domain());
	readonly month = $derived(pulseMonth(this.now, this.ctx.timeZone));
	readonly pulse = $derived(pulseOf(this.entries, this.month));
	readonly pulseQuestion = $derived(this.pulse?.question ?? pulseQuestion(this.month));
	readonly calendar = $derived.by(() =>
		practiceCalendar(
			this.entries,
			this.plan,
			{ ...this.ctx, titleOf: this.titleOf },
			{ weeksBack: 2, weeksAhead: 3 }
		)
	);

	/** `timeZone`: the person's IANA time zone, so weeks, months and days are theirs. */
	constructor(
		journal: JournalStore,
		readonly timeZone: string,
		readonly titleOf: (playbookId: string) => string
	) {
		super(journal);
	}

	#domain(): [TrendPoint, TrendPoint] {
		const all = [
			...this.ratings,
			...this.pulses,
			...this.confidence.flatMap((line) => line.points)
		];
		const from = Math.min(this.now - 28 * 86_400_000, ...all.map((point) => point.at));
		const at = (ms: number) => ({ at: ms, date: localDateKey(ms, this.timeZone), value: 0 });
		return [at(from), at(this.now)];
	}

	/** Loads the plan, then the journal as `LiveJournal` does; answers how to stop. */
	override start(): () => void {
		this.plan = savedPlan();
		return super.start();
	}

	/** Writes this month's pulse (again): it joins the trend lines at once. */
	savePulse(text: string, confidence: Confidence): Promise<void> {
		const now = Date.now();
		return this.journal.put(
			writePulse({ month: pulseMonth(now, this.timeZone), text, confidence }, now, this.pulse)
		);
	}

	savePlan(plan: CadencePlan): void {
		this.plan = plan;
		savePlan(plan);
	}

	/** Offers the plan as a calendar file, its links pointing at this server. */
	downloadPlan(origin: string): void {
		if (!this.plan) return;
		const text = cadenceCalendar(this.plan, {
			origin,
			now: Date.now(),
			titleOf: this.titleOf,
			locale: getLocale()
		});
		downloadFile('practice-rhythm.ics', text, 'text/calendar');
	}
}
