import type { FeedbackPart } from '../protocol/room-content';

/**
 * How a question opens, in English, German or Spanish (people write in their own language; a
 * Spanish question opens with ¿ whatever its first word).
 */
const QUESTION =
	/^(¿|(can|could|would|will|may|might|shall|is|are|do|does|what|how|when|kann|kannst|könntest|könnten|würdest|würden|darf|dürfte|magst|willst|ist|sind|hast|was|wie|wann|warum)\b)/i;

/**
 * A part as a spoken sentence: trimmed, capitalised (after an opening ¿ or ¡), and ending in a
 * question mark when it opens like a question or a full stop otherwise, unless the giver ended
 * it already.
 */
function asSentence(text: string): string {
	const trimmed = text.trim().replace(/\s+/g, ' ');
	if (trimmed.length === 0) return '';
	const capitalised = trimmed.replace(
		/^([¿¡]?)(.)/u,
		(_, mark: string, first: string) => mark + first.toUpperCase()
	);
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
