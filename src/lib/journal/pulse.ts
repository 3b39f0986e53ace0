import { m } from '$lib/paraglide/messages';
import { pulseId, type Confidence, type JournalEntry, type PulseEntry } from './entry';
import { localDateKey, monthOf } from './metrics-dates';
import type { TrendPoint } from './metrics';

/** Open questions about working relationships, one a month in turn, in the person's language. */
export const PULSE_QUESTIONS = [
	m.practice_pulse_question_1,
	m.practice_pulse_question_2,
	m.practice_pulse_question_3,
	m.practice_pulse_question_4,
	m.practice_pulse_question_5,
	m.practice_pulse_question_6
] as const;

/** The month `now` falls in, in `timeZone`: `YYYY-MM`. */
export const pulseMonth = (now: number, timeZone: string) => monthOf(localDateKey(now, timeZone));

/** The question of a month: the same for everyone in that month, another the next month. */
export function pulseQuestion(month: string): string {
	const [year, monthNumber] = month.split('-').map(Number);
	const index = ((year ?? 0) * 12 + (monthNumber ?? 1) - 1) % PULSE_QUESTIONS.length;
	return (PULSE_QUESTIONS[index] ?? PULSE_QUESTIONS[0])();
}

/** This month's pulse, if it was written. */
export function pulseOf(entries: readonly JournalEntry[], month: string): PulseEntry | undefined {
	const id = pulseId(month);
	return entries.find((entry): entry is PulseEntry => entry.type === 'pulse' && entry.id === id);
}

/** A month's pulse as written now; writing it again keeps when it was first written. */
export function writePulse(
	answer: { month: string; text: string; confidence: Confidence },
	now: number,
	existing: PulseEntry | undefined
): PulseEntry {
	return {
		type: 'pulse',
		id: pulseId(answer.month),
		createdAt: existing?.createdAt ?? now,
		updatedAt: now,
		month: answer.month,
		question: existing?.question ?? pulseQuestion(answer.month),
		answer: answer.text.trim(),
		confidence: answer.confidence
	};
}

/** What the pulse form holds: the answer typed and the confidence chosen. */
type PulseFormValues = {
	/** The written pulse is being changed (a month without one shows the form anyway). */
	editing: boolean;
	answer: string;
	confidence: number | undefined;
};

/**
 * Whether the pulse form holds work a reload would lose: it is open (no pulse this month yet, or
 * the written one being changed) and holds other than the pulse on record, or than a blank form.
 * While the written pulse is shown, what the hidden form last held is no work.
 */
export function pulseFormUnsaved(form: PulseFormValues, pulse: PulseEntry | undefined): boolean {
	return (
		(form.editing || !pulse) &&
		(form.answer !== (pulse?.answer ?? '') || form.confidence !== pulse?.confidence)
	);
}

/** The pulse's confidence over time, one point a month when it was first written. */
export function pulseTrend(entries: readonly JournalEntry[], timeZone: string): TrendPoint[] {
	return entries
		.filter((entry): entry is PulseEntry => entry.type === 'pulse')
		.map((entry) => ({
			at: entry.createdAt,
			date: localDateKey(entry.createdAt, timeZone),
			value: entry.confidence
		}))
		.sort((a, b) => a.at - b.at);
}
