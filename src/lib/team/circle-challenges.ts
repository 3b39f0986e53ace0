/**
 * The built-in monthly challenges, written for Practice Room: small enough to try in a normal
 * working week, about a skill the playbooks practise.
 */
export const BUILT_IN_CHALLENGES: readonly string[] = [
	'Paraphrase once in every meeting this week before you answer.',
	'Ask one open question a day and wait for the whole answer.',
	'Thank a colleague for something specific, and say what it changed for you.',
	'In one conversation, let a silence last three breaths before you speak.',
	'Ask someone for feedback on one thing you did this week.',
	'Give one piece of feedback that names what you saw, not what you think of it.',
	'Summarise a meeting’s decisions out loud before it ends.',
	'Notice when you want to interrupt; write down the thought instead.',
	'Name the feeling you hear in someone’s words once this week, and check it with them.',
	'Ask “what else?” once more than feels natural in a conversation.',
	'Start one meeting by asking how everyone is arriving.',
	'Try one practice room with someone you have not practised with yet.'
];

/** A month's number counted from year 0, so consecutive months are consecutive numbers. */
const monthNumber = (month: string) => {
	const [year, mon] = month.split('-').map(Number);
	return (year ?? 0) * 12 + (mon ?? 1) - 1;
};

/** A small stable hash of the team id, so teams do not all show the same challenge. */
const offsetOf = (teamId: string) =>
	[...teamId].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);

/**
 * The built-in challenge for `month` in one team: the list in turn, starting at a place set by
 * the team id. Twelve months in a row show twelve different challenges.
 */
export function builtInChallenge(teamId: string, month: string): string {
	const index = (offsetOf(teamId) + monthNumber(month)) % BUILT_IN_CHALLENGES.length;
	return BUILT_IN_CHALLENGES[index] ?? BUILT_IN_CHALLENGES[0]!;
}

/** The month before `month`, `YYYY-MM`. */
export function previousMonth(month: string): string {
	const n = monthNumber(month) - 1;
	return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The UTC month of `now`, `YYYY-MM`. */
export const monthOf = (now: number): string => new Date(now).toISOString().slice(0, 7);

/** The first day of `now`'s calendar quarter (UTC), in ms. */
export function quarterStart(now: number): number {
	const date = new Date(now);
	return Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1);
}
