import { showShoutOuts } from '../journal/shout-outs';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import type { ControlState } from '../protocol/control';
import type { FeedbackMatch, ShoutOut } from '../protocol/room-content';
import { answerMissed } from './feedback-turns';
import { matchSentence } from './match-words';
import { stepLabel } from './step-label';
import type { SummaryPlaybook } from './summary';
import { escapeMarkdown, type MarkdownSection } from './summary-markdown';
import { listOf } from './tool-words';
import type { TurnToolPlan } from './turn-tools';

/**
 * What the session summary adds for a room run across time zones, and for everything people
 * leave in their own turn (protocol A22, A23): kept apart from `summarizeSession` so the two grow
 * without treading on each other.
 */

/** One round's answer across time zones: what the receiver heard, and how well it matched. */
export interface FeedbackAnswer {
	round: number;
	/** What the receiver wrote that they heard; empty when they only spoke it, or nothing. */
	heard: string;
	/** Whether the receiver left a voice clip of what they heard. */
	voiced: boolean;
	/** The giver's rating of the match, once given. */
	match: FeedbackMatch | undefined;
}

/** What people left in the document in their turns, beyond `RoomContent`. */
export interface TurnsContent {
	answers: FeedbackAnswer[];
	/** In the order sent. */
	shoutOuts: ShoutOut[];
}

export interface TurnsSummaryInput {
	playbook: TurnToolPlan & Pick<SummaryPlaybook, 'phases'>;
	control: Pick<ControlState, 'async' | 'people'>;
	content: TurnsContent;
	/** How many rounds the session had (`SessionSummary.rounds`): with one, rounds go unnamed. */
	rounds: number;
	locale?: Locale | undefined;
}

export interface TurnsSummary {
	/**
	 * Rounds with a written answer, a rating of the match, or a receiver who missed their turn
	 * (`missed`: nothing heard, so no match was rated), in round order.
	 */
	feedbackAnswers: { round: number; heard: string; match: string | undefined; missed: boolean }[];
	/** Names as the room recorded them, in the order sent. */
	shoutOuts: { from: string; to: string; behaviour: string; kindUnderPressure: boolean }[];
	/** Each turn that passed its deadline untaken: the step, and who did not take it (A6). */
	missedTurns: { step: string; names: string }[];
}

/** The answers, shout-outs and missed turns of a session, worded in `locale`. Pure. */
export function summarizeTurns(input: TurnsSummaryInput): TurnsSummary {
	const { playbook, control, content, rounds, locale } = input;
	const opts = { locale };
	return {
		feedbackAnswers: content.answers
			.map((answer) => ({
				round: answer.round,
				heard: answer.heard,
				match: answer.match && matchSentence(answer.match, locale),
				missed: answerMissed(playbook, control, answer)
			}))
			.filter(({ heard, match, missed }) => heard !== '' || match !== undefined || missed),
		shoutOuts: showShoutOuts(content.shoutOuts, control.people, locale).map((shown) => ({
			from: shown.fromName,
			to: shown.toName,
			behaviour: shown.behaviour,
			kindUnderPressure: shown.kindUnderPressure
		})),
		missedTurns: (control.async?.missed ?? []).map(({ phaseIndex, round, personIds }) => ({
			step: stepLabel(playbook, { phaseIndex, round }, { rounds, locale }),
			names: listOf(
				personIds.map((id) => control.people[id]?.name ?? m.tools_someone_who_left({}, opts)),
				locale
			)
		}))
	};
}

/** The added sections of the Markdown export, in `locale`; empty ones are left out there. */
export function turnsMarkdownSections(
	turns: TurnsSummary,
	rounds: number,
	locale: Locale | undefined
): MarkdownSection[] {
	const opts = { locale };
	const roundNote = (round: number) =>
		rounds > 1 ? ` ${m.tools_summary_in_round({ round }, opts)}` : '';
	return [
		[
			m.feedback_turns_summary_answers({}, opts),
			turns.feedbackAnswers.map(({ round, heard, match, missed }) => {
				const said = heard && m.tools_summary_quote({ text: escapeMarkdown(heard) }, opts);
				const rated = match ? escapeMarkdown(match) : missed && m.feedback_missed_summary({}, opts);
				const parts = [said, rated].filter(Boolean);
				return `- ${parts.join(' · ')}${roundNote(round)}`;
			})
		],
		[
			m.tools_summary_shout_outs({}, opts),
			turns.shoutOuts.map(({ from, to, behaviour, kindUnderPressure }) => {
				const who = m.practice_shout_out_from_to(
					{ from: escapeMarkdown(from), to: escapeMarkdown(to) },
					opts
				);
				const badge = kindUnderPressure
					? ` (${m.practice_badge_kind_under_pressure({}, opts)})`
					: '';
				return `- **${who}**: ${escapeMarkdown(behaviour)}${badge}`;
			})
		],
		[
			m.feedback_turns_summary_missed({}, opts),
			turns.missedTurns.map(
				({ step, names }) =>
					`- ${m.feedback_turns_summary_missed_line({ step: escapeMarkdown(step), names: escapeMarkdown(names) }, opts)}`
			)
		]
	];
}
