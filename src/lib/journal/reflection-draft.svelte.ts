import type { Skill } from '../protocol/playbook';
import { checkInId, type SessionFacts } from './entry';
import { dueAfterDay, followUp, guessCheckInDay, sessionFollowUp } from './follow-up';
import type { JournalStore } from './journal-store';
import { reflectionFrom, type ReflectionDraftValues } from './reflection';
import { m } from '$lib/paraglide/messages';

/**
 * The reflection form's state: the answers, the day to ask how a commitment went, problems,
 * and saving to the journal with the session's facts (read when saved, so a summary that keeps
 * updating is taken as it is then).
 */
export class ReflectionDraft {
	values = $state<ReflectionDraftValues>({
		skill: undefined,
		confidence: undefined,
		context: '',
		action: '',
		result: '',
		feelings: ''
	});
	/** Plain-words problems by field, after a save that did not go through. */
	problems = $state<Partial<Record<string, string>>>({});
	saving = $state(false);
	/** The reflection went into the journal. */
	saved = $state(false);
	/** Storing failed (IndexedDB unavailable or full). */
	failure = $state<string | undefined>();
	/** A day the person picked; until then the form follows the commitment's "when". */
	#pickedDay = $state<string | undefined>();

	constructor(
		/** The session's facts now, or null for a reflection written at any time. */
		readonly facts: () => SessionFacts | null,
		readonly defaultSkill: Skill | undefined
	) {
		this.values.skill = defaultSkill;
	}

	/** Something was typed or chosen that is not in the journal yet (a reload would lose it). */
	get unsaved(): boolean {
		if (this.saved) return false;
		const { skill, confidence, ...answers } = this.values;
		return (
			confidence !== undefined ||
			skill !== this.defaultSkill ||
			Object.values(answers).some((answer) => answer.trim() !== '')
		);
	}

	/** The day to ask "how did it go?" about the commitment, as a date input's value. */
	get checkInDay(): string {
		const facts = this.facts();
		if (this.#pickedDay) return this.#pickedDay;
		return facts?.commitment ? guessCheckInDay(facts.commitment.when, facts.date) : '';
	}

	set checkInDay(day: string) {
		this.#pickedDay = day;
	}

	/** Stores the reflection and its follow-ups; answers whether it was saved. */
	async save(journal: JournalStore, now: number): Promise<boolean> {
		const facts = this.facts();
		const result = reflectionFrom(this.values, facts, { id: crypto.randomUUID(), now });
		if (!result.ok) {
			this.problems = result.problems;
			return false;
		}
		this.problems = {};
		this.failure = undefined;
		this.saving = true;
		try {
			await journal.put(result.entry);
			if (facts) await this.#saveFollowUps(journal, facts, now);
			this.saved = true;
			return true;
		} catch {
			this.failure = m.practice_reflection_store_failed();
			return false;
		} finally {
			this.saving = false;
		}
	}

	async #saveFollowUps(journal: JournalStore, facts: SessionFacts, now: number): Promise<void> {
		const existingCheckIn = async (id: string) => {
			const stored = await journal.get(id);
			return stored?.type === 'check-in' ? stored : undefined;
		};
		const dueAt = dueAfterDay(this.checkInDay);
		const commitmentId = checkInId(facts.roomId, 'commitment');
		const commitment = Number.isNaN(dueAt)
			? sessionFollowUp('commitment', facts, await existingCheckIn(commitmentId), now)
			: followUp('commitment', facts, dueAt, now, await existingCheckIn(commitmentId));
		const conversationId = checkInId(facts.roomId, 'feedback-conversation');
		const conversation = sessionFollowUp(
			'feedback-conversation',
			facts,
			await existingCheckIn(conversationId),
			now
		);
		for (const entry of [commitment, conversation]) if (entry) await journal.put(entry);
	}
}
