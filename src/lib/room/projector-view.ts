import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ControlState } from '../protocol/control';
import type { Participant } from '../protocol/presence';
import { roomPlay, type PlayPlan } from './room-play';
import { namer } from './room-view';
import { rotationSchedule } from './rotation';
import type { Step } from './steps';

/** Upcoming speakers a screen names: enough to see who is next, few enough to read from afar. */
export const UP_NEXT_LIMIT = 3;
/** Raised hands a screen names; any more are counted. */
export const HANDS_SHOWN = 6;

/** What the projected view needs of a playbook. */
export interface ProjectorPlan extends PlayPlan {
	phases: readonly {
		title: string;
		summary: string;
		prompts: readonly string[];
		repeatsPerRound?: boolean | undefined;
	}[];
}

/** Everything the big screen shows, as text. */
export interface ProjectorView {
	/** "Step 5 of 9". */
	stepLabel: string;
	/** "Round 2 of 3", while the current step is part of a round. */
	roundLabel: string | undefined;
	phaseTitle: string;
	/** The phase's first prompt, else its summary. */
	prompt: string;
	/** Who speaks this round; none outside the rounds, or with nobody present to speak. */
	speaker: string | undefined;
	/** The speakers of the rounds still to come, nearest first, at most {@link UP_NEXT_LIMIT}. */
	upNext: { round: number; speaker: string }[];
	/** Raised hands by name, first raised first, at most {@link HANDS_SHOWN}. */
	hands: string[];
	/** Raised hands beyond those named. */
	moreHands: number;
	/** Someone pressed "Pause for everyone". */
	paused: boolean;
}

/**
 * The rounds still to come after step `from`, in the order they will be played. A playbook may
 * play more than one run of repeating phases, so a round number can come again later.
 */
function roundsAfter(steps: readonly Step[], from: number): number[] {
	const rounds: number[] = [];
	let last = steps[from]?.repeats ? steps[from].round : undefined;
	for (const step of steps.slice(from + 1)) {
		if (!step.repeats || step.round === last) continue;
		rounds.push(step.round);
		last = step.round;
	}
	return rounds;
}

/**
 * What the projector shows for the room's control state and the people present. Undefined for
 * a step the playbook does not have (a control state from a different playbook version).
 */
export function projectorView(
	playbook: ProjectorPlan,
	control: ControlState,
	roster: readonly Pick<Participant, 'participantId' | 'name' | 'status'>[],
	/** The projector's language (`roomLocale`), which may not be its viewer's. */
	options: { locale?: Locale } = {}
): ProjectorView | undefined {
	const { plan, steps, current: step, cast } = roomPlay(playbook, control, roster);
	if (!step) return undefined;
	const { phase } = step;

	const rounds = Math.max(1, plan.rounds ?? 1);
	const schedule = rotationSchedule(plan, cast.seats, rounds, cast.turns);
	const upNext = roundsAfter(steps, control.step).flatMap((round) => {
		const speaker = schedule.find((entry) => entry.round === round)?.speaker?.name;
		return speaker === undefined ? [] : [{ round, speaker }];
	});
	const speaker = cast.members.find((person) => person.participantId === cast.speakerId);
	// Names as every other view names them; a hand of someone on no record at all is left out
	// rather than shown on the big screen as a stranger.
	const known = (participantId: string) =>
		control.people[participantId] !== undefined ||
		roster.some((person) => person.participantId === participantId);
	const hands = control.hands.filter(known).map(namer(control.people, roster));

	return {
		stepLabel: m.room_projector_step({ step: control.step + 1, total: steps.length }, options),
		roundLabel: step.repeats
			? m.room_projector_round({ round: step.round, total: rounds }, options)
			: undefined,
		phaseTitle: phase.title,
		prompt: phase.prompts[0] ?? phase.summary,
		speaker: step.repeats ? speaker?.name : undefined,
		upNext: upNext.slice(0, UP_NEXT_LIMIT),
		hands: hands.slice(0, HANDS_SHOWN),
		moreHands: Math.max(0, hands.length - HANDS_SHOWN),
		paused: control.pause !== null
	};
}
