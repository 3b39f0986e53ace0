import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ControlState } from '../protocol/control';
import { isTurnPhase } from '../protocol/turn-phases';
import { HOUR_MS } from '../time-units';
import { leftAtPause } from './async-pause';
import { windowOf, type AsyncPlan } from './async-schedule';
import { steering, takersAt, waitingFor, watches } from './async-takers';
import { watchingOnTurns } from './command-rights';
import { sessionPlan, sessionRounds } from './control';
import { moveLabel } from './move-labels';
import { stepLabel } from './step-label';
import { planSteps, type Step } from './steps';
import { canControl } from './room-view';
import { listOf } from './tool-words';

/** What the room shows of its turns to one person. */
export interface AsyncView {
	mode: 'async' | 'live';
	phaseTitle: string;
	/** This person still has a turn to take in the current step. */
	yourTurn: boolean;
	/** This person took their turn in the current step. */
	tookTurn: boolean;
	/**
	 * This person confirmed the agreements after the room's places were taken: they watch, and
	 * nobody waits for their turns (A33), even while they stand in for someone away (A35).
	 */
	watching: boolean;
	/** Whom the room waits for, as a sentence in the viewer's language; empty when nobody. */
	waitingLine: string;
	/** Nobody who joined takes a turn in this step yet. */
	nobodyYet: boolean;
	/**
	 * The step's phase is not taken in turns (someone's Next brought the room to it): says so,
	 * and which button moves on, in its own words; undefined on a step with turns.
	 */
	noTurns: string | undefined;
	/** When the room moves on, in the viewer's time zone; undefined once the turns are over. */
	deadline: string | undefined;
	extended: boolean;
	/**
	 * The one extension may still be asked for, and not by someone watching (A35); whether the
	 * host alone may is protocol A7's, which the card checks.
	 */
	mayExtend: boolean;
	/** Each soft end so far, as a sentence. */
	missed: string[];
	/** Paused for everyone: what the window keeps for the resume, as a sentence (protocol A31). */
	paused: string | undefined;
}

/** A phase in the plan, with its title in the viewer's language. */
export type ViewPlan = AsyncPlan & { phases: readonly { title: string }[] };

interface ViewOptions {
	locale: Locale;
	/** The viewer's IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`). */
	timeZone: string;
}

/** The viewer's options, and who is present (participant ids, not gone): who steers (A35). */
interface AsyncViewOptions extends ViewOptions {
	present: readonly string[];
}

/** A deadline as the viewer reads it: weekday, date, time and their time zone's name. */
export function formatDeadline(at: number, { locale, timeZone }: ViewOptions): string {
	return new Intl.DateTimeFormat(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: 'numeric',
		minute: '2-digit',
		timeZone,
		timeZoneName: 'short'
	}).format(at);
}

/**
 * A time left in the viewer's language: hours (to a tenth) from an hour up, else whole minutes,
 * rounded up so that a few seconds never read as nothing.
 */
export function formatLeft(ms: number, locale: Locale): string {
	const hours = ms >= HOUR_MS;
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: hours ? 'hour' : 'minute',
		unitDisplay: 'long',
		maximumFractionDigits: 1
	}).format(hours ? ms / HOUR_MS : Math.ceil(ms / 60_000));
}

/** The line a paused room on turns shows, or undefined when it is not paused (A31). */
export function pausedLine(control: ControlState, locale: Locale): string | undefined {
	const left = leftAtPause(control);
	return left === undefined
		? undefined
		: m.async_paused_left({ left: formatLeft(left, locale) }, { locale });
}

/** People's names as a list in the viewer's language, and how many, for the verb to agree. */
const namesOf = (ids: readonly string[], control: ControlState, locale: Locale) => ({
	names: listOf(
		ids.map((id) => control.people[id]?.name ?? '?'),
		locale
	),
	count: ids.length
});

/**
 * What the card says on the current step when its phase is not taken in turns, else undefined.
 * It names the Next button only to someone whose press the room takes: not while paused, not to
 * others once the host has locked the controls (PhasePanel disables Next for them), and not to
 * someone watching (A35).
 */
function noTurnsLine(
	control: ControlState,
	plan: ViewPlan,
	steps: readonly Step[],
	selfId: string,
	{ locale, present }: AsyncViewOptions
): string | undefined {
	const at = steps[control.step];
	const phase = at && plan.phases[at.phaseIndex];
	if (!phase || isTurnPhase(phase)) return undefined;
	const line = m.async_no_turns({ phase: phase.title }, { locale });
	// The last step has no Next; the deadline ends the turns there.
	if (control.step + 1 >= steps.length) return line;
	if (!canControl(control, selfId)) return `${line} ${m.async_no_turns_host({}, { locale })}`;
	if (control.pause !== null) return `${line} ${m.async_no_turns_deadline({}, { locale })}`;
	if (watchingOnTurns(control, plan, selfId, present)) {
		return `${line} ${m.async_no_turns_places({}, { locale })}`;
	}
	const button = moveLabel(steps, control.step, 'next', locale);
	return `${line} ${m.async_no_turns_next({ button }, { locale })}`;
}

/** The room's turns as `selfId` sees them; undefined in a room that never ran as turns. */
export function asyncView(
	control: ControlState,
	plan: ViewPlan,
	selfId: string,
	options: AsyncViewOptions
): AsyncView | undefined {
	const schedule = control.async;
	if (!schedule) return undefined;
	const steps = planSteps(sessionPlan(plan, control));
	const rounds = sessionRounds(plan, control);
	const phaseTitle = plan.phases[steps[control.step]?.phaseIndex ?? 0]?.title ?? '';
	const counting = schedule.mode === 'async' && schedule.deadlineAt !== null;
	const waiting = counting ? waitingFor(control, plan) : [];
	return {
		mode: schedule.mode,
		phaseTitle,
		yourTurn: waiting.includes(selfId),
		tookTurn: counting && schedule.taken.includes(selfId),
		watching: schedule.mode === 'async' && watches(control, plan, selfId),
		waitingLine:
			waiting.length > 0
				? m.async_waiting_for(namesOf(waiting, control, options.locale), {
						locale: options.locale
					})
				: '',
		nobodyYet: counting && takersAt(control, plan, control.step).length === 0,
		noTurns: counting ? noTurnsLine(control, plan, steps, selfId, options) : undefined,
		deadline:
			counting && schedule.deadlineAt !== null
				? formatDeadline(schedule.deadlineAt, options)
				: undefined,
		extended: schedule.extended,
		mayExtend:
			counting && !schedule.extended && !watchingOnTurns(control, plan, selfId, options.present),
		paused: pausedLine(control, options.locale),
		missed: schedule.missed.map((turn) =>
			m.async_missed(
				{
					phase: stepLabel(plan, turn, { rounds, locale: options.locale }),
					...namesOf(turn.personIds, control, options.locale)
				},
				{ locale: options.locale }
			)
		)
	};
}

/**
 * Whether the turns card offers `selfId` to go live ("We're both here", A8): while counting turns,
 * to someone who may use the room's controls (not locked by the host, not watching: A35), when
 * at least two of `present` (participant ids, not gone) steer the room (`steering`): people holding
 * a place, or standing in for one who is away. Beside every place-holder, a second device is not a
 * second person.
 */
export function mayGoLive(
	control: ControlState,
	plan: AsyncPlan,
	selfId: string,
	present: readonly string[]
): boolean {
	return (
		control.async?.mode === 'async' &&
		control.async.deadlineAt !== null &&
		canControl(control, selfId) &&
		!watchingOnTurns(control, plan, selfId, present) &&
		steering(control, plan, present).length >= 2
	);
}

/** A deadline still ahead, at the latest: if every phase before it uses its whole window. */
export interface PlannedDeadline {
	phaseIndex: number;
	round: number;
	at: number;
}

/**
 * The deadlines from the current step on, each at the latest (every turn before it taken only at
 * its deadline), for the calendar: the current one is exact, later ones can only come sooner.
 */
export function plannedDeadlines(control: ControlState, plan: AsyncPlan): PlannedDeadline[] {
	const schedule = control.async;
	if (schedule?.mode !== 'async' || schedule.deadlineAt === null) return [];
	const steps = planSteps(sessionPlan(plan, control));
	const planned: PlannedDeadline[] = [];
	let at = schedule.deadlineAt;
	steps.forEach((step, index) => {
		const phase = plan.phases[step.phaseIndex];
		if (index < control.step || !phase || !isTurnPhase(phase)) return;
		if (index > control.step) at += windowOf(plan, schedule.windowsMs, step.phaseIndex);
		planned.push({ phaseIndex: step.phaseIndex, round: step.round, at });
	});
	return planned;
}
