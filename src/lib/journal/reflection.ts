import type { Skill } from '../protocol/playbook';
import { parseWithProblems } from '../protocol/problems';
import { reflectionEntrySchema, type ReflectionEntry, type SessionFacts } from './entry';

/** The four questions of a reflection, in the order asked. */
export const REFLECTION_QUESTIONS = [
	{ key: 'context', label: 'Context', hint: 'Where were you, and what was going on?' },
	{ key: 'action', label: 'Action', hint: 'What did you do or say?' },
	{ key: 'result', label: 'Result', hint: 'What happened next?' },
	{ key: 'feelings', label: 'Feelings', hint: 'How did it feel, then and now?' }
] as const;
export type ReflectionQuestion = (typeof REFLECTION_QUESTIONS)[number]['key'];

/** The points of the confidence scale, with words, so the scale is not read from numbers alone. */
export const CONFIDENCE_LABELS: Readonly<Record<number, string>> = {
	1: 'Not yet',
	2: 'A little',
	3: 'Somewhat',
	4: 'Fairly',
	5: 'Very'
};

/** What the reflection form holds. */
export interface ReflectionDraftValues extends Record<ReflectionQuestion, string> {
	skill: Skill | undefined;
	confidence: number | undefined;
}

export type ReflectionResult =
	{ ok: true; entry: ReflectionEntry } | { ok: false; problems: Partial<Record<string, string>> };

/** What the form says of a field that does not parse, in plain words. */
const FIELD_PROBLEMS: Readonly<Record<string, string>> = {
	skill: 'Choose the skill you practised.',
	confidence: 'Choose how confident you feel, from 1 to 5.'
};

/**
 * A reflection from the form's values, checked against the journal's schema; `facts` are the
 * session's, or null for a reflection written at any time. Problems are plain sentences by field.
 */
export function reflectionFrom(
	draft: ReflectionDraftValues,
	facts: SessionFacts | null,
	ids: { id: string; now: number }
): ReflectionResult {
	const parsed = parseWithProblems(reflectionEntrySchema, {
		type: 'reflection',
		id: ids.id,
		createdAt: ids.now,
		updatedAt: ids.now,
		skill: draft.skill,
		confidence: draft.confidence,
		context: draft.context.trim(),
		action: draft.action.trim(),
		result: draft.result.trim(),
		feelings: draft.feelings.trim(),
		session: facts
	});
	if (parsed.ok) return { ok: true, entry: parsed.data };
	const problems: Partial<Record<string, string>> = {};
	for (const [path, messages] of parsed.byPath) {
		const field = path.split(/[.[]/)[0] ?? path;
		const label = REFLECTION_QUESTIONS.find(({ key }) => key === field)?.label;
		const problem =
			FIELD_PROBLEMS[field] ?? (label ? `${label} ${messages[0] ?? ''}.` : messages.join('; '));
		problems[field] = problem;
	}
	return { ok: false, problems };
}
