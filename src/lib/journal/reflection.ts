import { m } from '$lib/paraglide/messages';
import type { Skill } from '../protocol/playbook';
import { parseWithProblems } from '../protocol/problems';
import { reflectionEntrySchema, type ReflectionEntry, type SessionFacts } from './entry';

/** The four questions of a reflection, in the order asked; their words are messages. */
export const REFLECTION_QUESTIONS = [
	{
		key: 'context',
		label: m.practice_reflection_context,
		hint: m.practice_reflection_context_hint
	},
	{ key: 'action', label: m.practice_reflection_action, hint: m.practice_reflection_action_hint },
	{ key: 'result', label: m.practice_reflection_result, hint: m.practice_reflection_result_hint },
	{
		key: 'feelings',
		label: m.practice_reflection_feelings,
		hint: m.practice_reflection_feelings_hint
	}
] as const;
export type ReflectionQuestion = (typeof REFLECTION_QUESTIONS)[number]['key'];

const CONFIDENCE_WORDS = [
	m.practice_confidence_1,
	m.practice_confidence_2,
	m.practice_confidence_3,
	m.practice_confidence_4,
	m.practice_confidence_5
] as const;

/** A point of the confidence scale in words, so the scale is not read from numbers alone. */
export const confidenceLabel = (point: number): string => CONFIDENCE_WORDS[point - 1]?.() ?? '';

/** What the reflection form holds. */
export interface ReflectionDraftValues extends Record<ReflectionQuestion, string> {
	skill: Skill | undefined;
	confidence: number | undefined;
}

export type ReflectionResult =
	{ ok: true; entry: ReflectionEntry } | { ok: false; problems: Partial<Record<string, string>> };

/** What the form says of a field that does not parse, in plain words. */
const FIELD_PROBLEMS: Readonly<Record<string, () => string>> = {
	skill: m.practice_reflection_choose_skill,
	confidence: m.practice_choose_confidence
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
		const label = REFLECTION_QUESTIONS.find(({ key }) => key === field)?.label();
		const problem =
			FIELD_PROBLEMS[field]?.() ?? (label ? `${label} ${messages[0] ?? ''}.` : messages.join('; '));
		problems[field] = problem;
	}
	return { ok: false, problems };
}
