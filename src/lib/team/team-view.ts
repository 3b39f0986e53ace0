import { TEAM_THRESHOLD, type StoredShare, type TeamView } from '../protocol/team';
import { contributorCount, teamFigures } from './team-figures';

/** How many more members must share before figures show; 0 once `sharing` reaches `threshold`. */
export function membersNeeded(sharing: number, threshold = TEAM_THRESHOLD): number {
	return Math.max(0, threshold - sharing);
}

/**
 * What a team link shows. Only members whose share carries practice count toward the threshold
 * (a share of zeros would let empty shares unmask the one real member). Below it the figures are
 * not computed at all, so no answer can carry one member's counts: only how many share and how
 * many more with practice are needed.
 */
export function teamView(
	team: { id: string; name: string },
	shares: readonly StoredShare[],
	threshold = TEAM_THRESHOLD
): TeamView {
	const base = { id: team.id, name: team.name, sharing: shares.length, threshold };
	const needed = membersNeeded(contributorCount(shares), threshold);
	return needed > 0
		? { ...base, visible: false, needed }
		: { ...base, visible: true, figures: teamFigures(shares, threshold) };
}
