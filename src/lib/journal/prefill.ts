import type { Skill } from '../protocol/playbook';
import { ratingKey } from '../protocol/room-content';
import { sessionPlan } from '../room/control';
import { castInRound, isObserverRole, roleIn, seatsOf, type Cast } from '../room/rotation';
import { speakerRoleId } from '../room/steps';
import {
	summarizeSession,
	type SessionSummary,
	type SummaryInput,
	type SummaryPlaybook
} from '../room/summary';
import type { SessionFacts } from './entry';

/** What the journal needs to know of a session, beyond what its summary does. */
export interface PrefillInput extends SummaryInput {
	playbook: SummaryPlaybook & { skills: readonly Skill[] };
	roomId: string;
	/** This browser's participant id in the room. */
	selfId: string;
}

/**
 * Who played what in each round: the speaker on record, and, as in the summary, the other roles
 * going round everyone who joined, since who else was present is not on record.
 */
function castsByRound(input: PrefillInput, rounds: number): Cast[] {
	const { playbook, control } = input;
	const plan = sessionPlan(playbook, control);
	const everyone = seatsOf(control.people, []).map((seat) => ({ ...seat, present: true }));
	return Array.from({ length: rounds }, (_, index) =>
		castInRound(plan, everyone, index + 1, control.speakers)
	);
}

/**
 * The rounds this person listened in, with the speaker they listened to: they played the role
 * that answers the speaker (a listener or counterpart), neither speaking nor observing.
 */
function listenedRounds(input: PrefillInput, casts: readonly Cast[]) {
	const { playbook, selfId } = input;
	const speaker = speakerRoleId(playbook);
	return casts.flatMap((cast) => {
		const { round, speakerId } = cast;
		const roleId = roleIn(cast, selfId);
		const listened =
			roleId !== undefined && roleId !== speaker && !isObserverRole(playbook, roleId);
		return listened && speakerId !== undefined ? [{ round, speakerId }] : [];
	});
}

/** The speakers' felt-understanding ratings in the rounds this person listened in. */
function ratingsReceived(
	input: PrefillInput,
	listened: readonly { round: number; speakerId: string }[]
): number[] {
	const { playbook, control } = input;
	const ratingPhases = playbook.phases.filter((phase) => phase.tool === 'rating');
	return listened.flatMap(({ round, speakerId }) =>
		ratingPhases.flatMap((phase) => {
			const value = control.ratings[ratingKey(phase.id, round)]?.revealed?.[speakerId];
			return value === undefined ? [] : [value];
		})
	);
}

/**
 * The facts of a session as this person took part in it, for a reflection to start from: the
 * summary's playbook, date, time and starred phrases, and this person's own commitment, planned
 * conversation, ratings received and paraphrases written. Pure, like the summary it reads.
 */
export function sessionFacts(
	input: PrefillInput,
	summary: SessionSummary = summarizeSession(input)
): SessionFacts {
	const { playbook, content, selfId } = input;
	const listened = listenedRounds(input, castsByRound(input, summary.rounds));
	const commitment = content.commitments[selfId];
	const conversation = content.schedule.find(({ participantId }) => participantId === selfId);
	const hasCommitment =
		commitment !== undefined &&
		[commitment.what, commitment.when, commitment.withWhom].some((text) => text.trim() !== '');
	return {
		roomId: input.roomId,
		playbookId: summary.playbookId,
		playbookTitle: summary.playbookTitle,
		// Without a recorded step the summary dates the session `now`, which may have fractions.
		date: Math.round(summary.date),
		durationMs: Math.round(summary.totalMs),
		skills: [...playbook.skills],
		commitment: hasCommitment
			? {
					what: commitment.what.trim(),
					when: commitment.when.trim(),
					withWhom: commitment.withWhom.trim()
				}
			: null,
		ratingsReceived: ratingsReceived(input, listened),
		// The words of each starred line; a voice line nobody wrote the words of has none to keep.
		starredPhrases: summary.starredPhrases.flatMap(({ text }) => (text === '' ? [] : [text])),
		paraphrasesWritten: summary.paraphrases.filter(({ round }) =>
			listened.some((listenedIn) => listenedIn.round === round)
		).length,
		feedbackMessagesDrafted: summary.feedbackMessages.length,
		feedbackConversation: conversation
			? { title: conversation.plan.title, startsAt: conversation.plan.startsAt }
			: null
	};
}
