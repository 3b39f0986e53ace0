import { TEAM_NOT_FOUND, teamIdSchema } from '../../src/lib/protocol/team';
import { HttpProblem } from '../http/json';
import type { TeamStore } from './team-store';

/** The answer when a team link names no team space (now). */
export const teamNotFound = (): HttpProblem =>
	new HttpProblem(404, TEAM_NOT_FOUND, { code: 'team_not_found' });

/** The team space `id` names now, or undefined when `id` is malformed, unknown or expired. */
export async function currentTeam(teams: Pick<TeamStore, 'get'>, id: string, now: number) {
	const teamId = teamIdSchema.safeParse(id);
	return teamId.success ? await teams.get(teamId.data, now) : undefined;
}

/** The team space `id` names, unless it is malformed, unknown or expired: then a 404 problem. */
export async function existingTeam(teams: Pick<TeamStore, 'get'>, id: string, now: number) {
	const team = await currentTeam(teams, id, now);
	if (!team) throw teamNotFound();
	return team;
}
