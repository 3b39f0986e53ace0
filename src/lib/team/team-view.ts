import { TEAM_THRESHOLD, type StoredShare, type TeamView } from '../protocol/team';
import { teamFigures } from './team-figures';

/** How many more members must share before figures show; 0 once `sharing` reaches `threshold`. */
export function membersNeeded(sharing: number, threshold = TEAM_THRESHOLD): number {
	return Math.max(0, threshold - sharing);
}

/**
 * What a team link shows. Below the threshold the figures are not computed at all, so no
 * answer can carry one member's counts: only how many share and how many more are needed.
 */
export function teamView(
	team: { id: string; name: string },
	shares: readonly StoredShare[],
	threshold = TEAM_THRESHOLD
): TeamView {
	const base = { id: team.id, name: team.name, sharing: shares.length, threshold };
	const needed = membersNeeded(shares.length, threshold);
	return needed > 0
		? { ...base, visible: false, needed }
		: { ...base, visible: true, figures: teamFigures(shares) };
}
