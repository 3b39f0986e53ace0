/**
 * A team's Redis keys, all under one hash tag so a script may touch them together. Every write
 * to a team moves the expiry of all of `teamKeys` (docs/protocol.md, T5), so no part of a team
 * outlives or dies before the rest.
 */
export const teamKey = (id: string) => `pr:team:{${id}}`;
/** Shares: a hash by member. */
export const sharesKey = (id: string) => `pr:team:{${id}}:shares`;
/** The circle: a hash by item id (server/teams/redis-circle-store.ts). */
export const circleKey = (id: string) => `pr:team:{${id}}:circle`;

/** Agreements to erase the team (T6): a hash from member hash to pairing member hash. */
export const eraseKey = (id: string) => `pr:team:{${id}}:erase`;

/**
 * Every key of a team but the pairing ones (server/teams/pairing-keys.ts): record, shares,
 * circle, erase agreements (scripts rely on this order); new ones go last.
 */
export const teamKeys = (id: string): string[] => [
	teamKey(id),
	sharesKey(id),
	circleKey(id),
	eraseKey(id)
];
