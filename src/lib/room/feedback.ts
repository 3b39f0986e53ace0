import type { FeedbackPart } from '../protocol/room-content';

const QUESTION = /^(can|could|would|will|may|might|shall|is|are|do|does|what|how|when)\b/i;

/**
 * A part as a spoken sentence: trimmed, capitalised, and ending in a question mark when it
 * opens like a question or a full stop otherwise, unless the giver ended it already.
 */
function asSentence(text: string): string {
	const trimmed = text.trim().replace(/\s+/g, ' ');
	if (trimmed.length === 0) return '';
	const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
	if (/[.!?…]["”’)]*$/.test(capitalised)) return capitalised;
	return `${capitalised}${QUESTION.test(capitalised) ? '?' : '.'}`;
}

/**
 * The whole feedback message as it would be said: permission check, situation, behaviour,
 * impact and ask, in that order, each the giver's own words as a sentence. Empty parts are left
 * out, so the preview grows as the parts are written.
 */
export function feedbackMessage(parts: Readonly<Record<FeedbackPart, string>>): string {
	return [parts.permission, parts.situation, parts.behaviour, parts.impact, parts.ask]
		.map(asSentence)
		.filter((sentence) => sentence.length > 0)
		.join(' ');
}
