import { m } from '../paraglide/messages';
import type { FeedbackMatch } from '../protocol/room-content';
import type { FeedbackAnswersDoc } from './feedback-answers';

/** Whether `a` and `b` are the same rating on record: a re-read of the same one is no news. */
const sameRating = (a: FeedbackMatch, b: FeedbackMatch | undefined) =>
	a.participantId === b?.participantId && a.value === b.value && a.word === b.word && a.at === b.at;

/**
 * The giver's form for rating how well the receiver's answer matched (protocol A21): the point
 * chosen, the optional word, and what saving said, for the live region.
 */
export class MatchRatingForm {
	#choice = $state<number | undefined>();
	#word = $state('');
	status = $state('');
	/** The rating on record, as the form last took it up or saved it. */
	#onRecord: FeedbackMatch | undefined;

	/** A point chosen, or a word typed, that is not the rating on record: a reload would lose it. */
	get unsaved(): boolean {
		return (
			this.#choice !== undefined &&
			(this.#choice !== this.#onRecord?.value || this.#word !== this.#onRecord.word)
		);
	}

	/** The point chosen. A change by the giver is not saved yet, so "saved" no longer holds. */
	get choice(): number | undefined {
		return this.#choice;
	}
	set choice(value: number | undefined) {
		this.#choice = value;
		this.status = '';
	}

	/** The optional word; as with the point, a change is not saved yet. */
	get word(): string {
		return this.#word;
	}
	set word(value: string) {
		this.#word = value;
		this.status = '';
	}

	/**
	 * Starts from the rating on record (a reload, another tab), if there is one, and takes up a
	 * new one saved elsewhere. The same rating read again (the answers are read afresh on every
	 * change to them), or the one this form just saved, leaves the form alone.
	 */
	follow(match: FeedbackMatch | undefined): void {
		if (!match || sameRating(match, this.#onRecord)) return;
		this.#onRecord = match;
		// A rating this form did not save (another tab's): "saved" spoke of one no longer on record.
		this.#choice = match.value;
		this.#word = match.word;
		this.status = '';
	}

	/** Saves the rating as `participantId`'s at server time `at`; answers whether it was saved. */
	save(answers: FeedbackAnswersDoc, round: number, participantId: string, at: number): boolean {
		if (this.choice === undefined) return false;
		const saved = answers.rate(round, { participantId, value: this.choice, word: this.word, at });
		// The rating just saved comes back as the one on record: already followed, still "saved".
		if (saved) {
			this.#onRecord = saved;
			this.#word = saved.word;
		}
		this.status = saved ? m.feedback_turns_match_saved() : '';
		return saved !== undefined;
	}
}
