import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ControlState } from '../protocol/control';
import { ratingKey, type Commitment, type Observation } from '../protocol/room-content';
import { sessionPlan, sessionRounds } from './control';
import type { PlannedConversation } from './schedule';
import { castInRound, roleIn, seatsOf, type RotationPlan } from './rotation';
import { stepLabel } from './step-label';
import { planSteps, type RoundPlan } from './steps';
import { roundSections, type RoundContent, type RoundSections } from './summary-rounds';
import { ratingLabel } from './tool-words';

/** What the summary needs of a playbook. */
export interface SummaryPlaybook extends RoundPlan, RotationPlan {
	id: string;
	title: string;
	roles: readonly { id: string; name: string }[];
	phases: readonly {
		id: string;
		title: string;
		repeatsPerRound?: boolean | undefined;
		tool?: string | undefined;
	}[];
}

/** A plain snapshot of the room document's content (src/lib/protocol/room-content.ts). */
export interface RoomContent {
	rounds: RoundContent[];
	/** By participant id. */
	commitments: Record<string, Commitment>;
	/** Everyone's planned conversations, soonest first. */
	schedule: PlannedConversation[];
	/** What observers shared from their notepads, in the order shared. */
	observations: Observation[];
}

export interface SummaryInput {
	playbook: SummaryPlaybook;
	control: Pick<ControlState, 'rounds' | 'history' | 'people' | 'ratings' | 'speakers'> &
		/** Which rounds had a second take of the paraphrase (A18); none when absent. */
		Partial<Pick<ControlState, 'async'>>;
	content: RoomContent;
	roomUrl?: string | undefined;
	/** Server time now, in ms since the epoch: the current step counts until then. */
	now: number;
	/** The reader's language, for the summary's own words (the playbook's stay as written). */
	locale?: Locale | undefined;
}

export interface SessionSummary extends RoundSections {
	playbookId: string;
	playbookTitle: string;
	roomUrl: string | undefined;
	/** When the session started (its first recorded step), else when the summary was made. */
	date: number;
	/** How many rounds the session had; with one, rounds need no naming. */
	rounds: number;
	/** Each with the role they joined as. */
	participants: { name: string; roleName: string }[];
	/** Steps in session order with all the time spent in each; steps not spent in are left out. */
	timePerPhase: { label: string; ms: number }[];
	totalMs: number;
	ratings: {
		round: number;
		/** In the order given; `roleName` is empty for a rater whose join is not on record. */
		revealed: { name: string; roleName: string; value: number; label: string }[];
		/** Ratings submitted but not shown yet. */
		sealed: number;
	}[];
	/** What observers shared, in the order shared. */
	observations: { name: string; text: string }[];
	commitments: { name: string; what: string; when: string; withWhom: string }[];
	followUps: {
		participantId: string;
		name: string;
		title: string;
		startsAt: number;
		reflectAt: number;
	}[];
}

function timePerPhase(input: SummaryInput): SessionSummary['timePerPhase'] {
	const { playbook, control, now } = input;
	const steps = planSteps(sessionPlan(playbook, control));
	/** Where a phase in a round sits in the session, to list the time in session order. */
	const position = (phaseIndex: number, round: number) => {
		const index = steps.findIndex(
			(step) => step.phaseIndex === phaseIndex && (!step.repeats || step.round === round)
		);
		return index === -1 ? steps.length : index;
	};
	const spent = new Map<string, { phaseIndex: number; round: number; ms: number }>();
	control.history.forEach((entry, index) => {
		const end = control.history[index + 1]?.at ?? now;
		const key = `${entry.phaseIndex}/${entry.round}`;
		const ms = (spent.get(key)?.ms ?? 0) + Math.max(0, end - entry.at);
		spent.set(key, { phaseIndex: entry.phaseIndex, round: entry.round, ms });
	});
	// Every step the room was on is listed, however short: a phase missing from the summary
	// reads as one that never happened.
	return [...spent.values()]
		.sort((a, b) => position(a.phaseIndex, a.round) - position(b.phaseIndex, b.round))
		.map(({ phaseIndex, round, ms }) => ({
			label: stepLabel(
				playbook,
				{ phaseIndex, round },
				{ rounds: sessionRounds(playbook, control), locale: input.locale }
			),
			ms
		}));
}

const nameIn = (control: SummaryInput['control'], id: string, locale: Locale | undefined) =>
	control.people[id]?.name ?? m.tools_someone_who_left({}, { locale });
const roleNameIn = (playbook: SummaryPlaybook, id: string) =>
	playbook.roles.find((role) => role.id === id)?.name ?? id;

/**
 * Each rating phase's ratings per round, with the role each rater played in that round. Each
 * round's speaker is on record; who else was present is not, so the other roles go round
 * everyone who joined.
 */
function ratingsByRound(input: SummaryInput): SessionSummary['ratings'] {
	const { playbook, control } = input;
	const plan = sessionPlan(playbook, control);
	const everyone = seatsOf(control.people, []).map((seat) => ({ ...seat, present: true }));
	return planSteps(plan).flatMap(({ phaseIndex, round }) => {
		const phase = playbook.phases[phaseIndex];
		if (phase?.tool !== 'rating') return [];
		const rating = control.ratings[ratingKey(phase.id, round)];
		if (!rating || rating.submitted.length === 0) return [];
		const cast = castInRound(plan, everyone, round, control.speakers);
		const revealed = rating.submitted.flatMap((id) => {
			const value = rating.revealed?.[id];
			if (value === undefined) return [];
			const roleId = roleIn(cast, id);
			return [
				{
					name: nameIn(control, id, input.locale),
					roleName: roleId ? roleNameIn(playbook, roleId) : '',
					value,
					label: ratingLabel(value, input.locale)
				}
			];
		});
		return [{ round, revealed, sealed: rating.submitted.length - revealed.length }];
	});
}

/**
 * The session as people take it home: who came, where the time went, how understood people
 * felt, and what they wrote in the practice tools, leaving out whatever is empty. Pure: the
 * document arrives as a plain snapshot and the time as `now`.
 */
export function summarizeSession(input: SummaryInput): SessionSummary {
	const { playbook, control, content, now } = input;
	const roleName = (id: string) => roleNameIn(playbook, id);
	const nameOf = (id: string) => nameIn(control, id, input.locale);
	const joinOrder = Object.keys(control.people);
	const joinRank = (id: string) => {
		const rank = joinOrder.indexOf(id);
		return rank === -1 ? joinOrder.length : rank;
	};
	const phases = timePerPhase(input);

	return {
		playbookId: playbook.id,
		playbookTitle: playbook.title,
		roomUrl: input.roomUrl,
		date: control.history[0]?.at ?? now,
		rounds: sessionRounds(playbook, control),
		participants: Object.values(control.people).map((person) => ({
			name: person.name,
			roleName: roleName(person.roleId)
		})),
		timePerPhase: phases,
		totalMs: phases.reduce((total, phase) => total + phase.ms, 0),
		ratings: ratingsByRound(input),
		...roundSections(content.rounds, { roleName, nameOf }, input.locale, {
			async: input.control.async ?? null
		}),
		// The name on record, as the server wrote it, over the one the sharer's browser sent.
		observations: content.observations.map(({ participantId, name, text }) => ({
			name: control.people[participantId]?.name ?? name,
			text
		})),
		commitments: Object.entries(content.commitments)
			.sort(([a], [b]) => joinRank(a) - joinRank(b))
			.map(([id, commitment]) => ({
				name: nameOf(id),
				what: commitment.what.trim(),
				when: commitment.when.trim(),
				withWhom: commitment.withWhom.trim()
			}))
			.filter(({ what, when, withWhom }) => what !== '' || when !== '' || withWhom !== ''),
		followUps: content.schedule.map(({ participantId, plan: conversation }) => ({
			participantId,
			name: nameOf(participantId),
			...conversation
		}))
	};
}
