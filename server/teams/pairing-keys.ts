/**
 * A space's pairing keys in Redis, under the space's hash tag beside its record and shares
 * (server/teams/redis-team-store.ts), so one script reaches them all.
 */
export const pairingKeys = (teamId: string) => ({
	team: `pr:team:{${teamId}}`,
	shares: `pr:team:{${teamId}}:shares`,
	cards: `pr:team:{${teamId}}:pairing:cards`,
	pairing: `pr:team:{${teamId}}:pairing`,
	/** The team's erase agreements (server/teams/team-keys.ts), so a pairing write moves them too. */
	erase: `pr:team:{${teamId}}:erase`
});
