import { z } from 'zod';
import { newParticipantKey, readStored, writeStored } from '../client/identity';
import { secretSchema } from '../protocol/ids';
import { teamIdSchema } from '../protocol/team';

/** What this browser remembers of a team link: its name, its member key, and when it shared. */
const rememberedTeamSchema = z.object({
	name: z.string(),
	memberKey: secretSchema,
	/** When this browser last shared its counts; null when it has not, or withdrew. */
	sharedAt: z.number().nullable()
});
export type RememberedTeam = z.infer<typeof rememberedTeamSchema>;

const TEAMS_KEY = 'practice-room:teams';
const teamsSchema = z.record(teamIdSchema, rememberedTeamSchema);

/** Every team link this browser has opened, by id. */
export function rememberedTeams(): Record<string, RememberedTeam> {
	try {
		const parsed = teamsSchema.safeParse(JSON.parse(readStored(TEAMS_KEY) ?? '{}'));
		return parsed.success ? parsed.data : {};
	} catch {
		return {};
	}
}

/**
 * This browser's memory of a team, made on first sight with a fresh member key: the key is
 * what lets a later share replace this browser's earlier one, and a withdrawal find it.
 */
export function rememberTeam(teamId: string, name: string): RememberedTeam {
	const known = rememberedTeams()[teamId];
	const team = known
		? { ...known, name }
		: { name, memberKey: newParticipantKey(), sharedAt: null };
	updateTeam(teamId, team);
	return team;
}

export function updateTeam(teamId: string, team: RememberedTeam): void {
	writeStored(TEAMS_KEY, JSON.stringify({ ...rememberedTeams(), [teamId]: team }));
}

/** Forgets a team this browser knew, once the team is erased (T6): its key opens nothing now. */
export function forgetTeam(teamId: string): void {
	const teams = rememberedTeams();
	delete teams[teamId];
	writeStored(TEAMS_KEY, JSON.stringify(teams));
}
