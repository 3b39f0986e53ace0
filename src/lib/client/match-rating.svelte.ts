import { m } from '../paraglide/messages';
import type { FeedbackMatch } from '../protocol/room-content';
import type { FeedbackAnswersDoc } from './feedback-answers';

/**
 * The giver's form for rating how well the receiver's answer matched (protocol A21): the point
 * chosen, the optional word, and what saving said, for the live region.
 */
export class MatchRatingForm {
	choice = $state<number | undefined>();
	word = $state('');
	status = $state('');

	/** Starts from the rating on record (a reload, another tab), if there is one. */
	follow(match: FeedbackMatch | undefined): void {
		if (!match) return;
		this.choice = match.value;
		this.word = match.word;
	}

	/** Saves the rating as `participantId`'s at server time `at`; answers whether it was saved. */
	save(answers: FeedbackAnswersDoc, round: number, participantId: string, at: number): boolean {
		if (this.choice === undefined) return false;
		const saved = answers.rate(round, { participantId, value: this.choice, word: this.word, at });
		this.status = saved ? m.feedback_turns_match_saved() : '';
		return saved;
	}
}
