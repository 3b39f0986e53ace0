import type { RatingRound } from '../protocol/control';
import type { RefusalReason } from '../protocol/socket-events';

/** Rating values the server holds back, by participant id, until they are revealed. */
export type SealedRatings = Readonly<Record<string, number>>;

export type RatingResult =
	| { ok: true; round: RatingRound; sealed: SealedRatings }
	| { ok: false; message: string; reason: RefusalReason };

/** Everyone present has submitted (and someone has). */
function revealDue(submitted: readonly string[], present: readonly string[]): boolean {
	return submitted.length > 0 && present.every((id) => submitted.includes(id));
}

function reveal(submitted: readonly string[], sealed: SealedRatings): Record<string, number> {
	return Object.fromEntries(
		submitted.flatMap((id) => (sealed[id] === undefined ? [] : [[id, sealed[id]]]))
	);
}

/**
 * Records one person's rating. Before the reveal it stays sealed and may be changed; once
 * everyone `present` has submitted, every value is revealed together. After the reveal, someone
 * who had not rated yet joins the revealed ratings directly, but a shown rating stays as shown.
 */
export function submitRating(
	round: RatingRound | undefined,
	sealed: SealedRatings,
	participantId: string,
	value: number,
	present: readonly string[]
): RatingResult {
	const submitted = round?.submitted.includes(participantId)
		? round.submitted
		: [...(round?.submitted ?? []), participantId];
	if (round?.revealed) {
		if (round.revealed[participantId] !== undefined) {
			return {
				ok: false,
				message: 'The ratings are already shown; yours stays as it was.',
				reason: 'ratings_shown'
			};
		}
		return {
			ok: true,
			round: { submitted, revealed: { ...round.revealed, [participantId]: value } },
			sealed
		};
	}
	const nextSealed = { ...sealed, [participantId]: value };
	return { ok: true, round: revealIfDue({ submitted }, nextSealed, present), sealed: nextSealed };
}

/** Reveals a rating step's values once everyone present has submitted; someone leaving may do it. */
export function revealIfDue(
	round: RatingRound,
	sealed: SealedRatings,
	present: readonly string[]
): RatingRound {
	if (round.revealed || !revealDue(round.submitted, present)) return round;
	return { ...round, revealed: reveal(round.submitted, sealed) };
}
