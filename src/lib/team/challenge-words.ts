import { m } from '$lib/paraglide/messages';
import { BUILT_IN_CHALLENGES } from './circle-challenges';

/** The built-in challenges as messages, in the order of BUILT_IN_CHALLENGES (a test holds them together). */
export const CHALLENGE_MESSAGES: readonly (() => string)[] = [
	m.team_challenge_paraphrase,
	m.team_challenge_open_question,
	m.team_challenge_thank,
	m.team_challenge_silence,
	m.team_challenge_ask_feedback,
	m.team_challenge_give_feedback,
	m.team_challenge_summarise,
	m.team_challenge_interrupt,
	m.team_challenge_feeling,
	m.team_challenge_what_else,
	m.team_challenge_arriving,
	m.team_challenge_new_partner
];

/**
 * A challenge in the reader's language: the server sends a built-in one in English, so the
 * browser finds it among the built-ins and says it itself. A member's own challenge is data and
 * stays as written.
 */
export function challengeWords(text: string, builtIn: boolean): string {
	const index = builtIn ? BUILT_IN_CHALLENGES.indexOf(text) : -1;
	return CHALLENGE_MESSAGES[index]?.() ?? text;
}
