import type { StoredCircleItem } from '../../src/lib/protocol/circle';

/** What became of an addition: saved, its id taken already, the team at its most items, or no team. */
export type CircleAddOutcome = 'saved' | 'taken' | 'full' | 'not-found';

/**
 * A team's circle (challenges, highlights, nominations, shelf picks, "tried it" marks), each
 * item kept with its owner: the hash of the member key that added it. Items live as long as
 * their team: an addition or removal is activity that keeps the team, and an expired team's
 * items go with it. Implementations: SQLite and Redis; both pass
 * tests/integration/circle-store.contract.ts.
 */
export interface CircleStore {
	/**
	 * Adds `item` under its id, unless the id is taken (that is how one mark per member per
	 * month, one challenge per month and one pick per playbook are kept) or the team already
	 * holds `maxItems`.
	 */
	add(
		teamId: string,
		owner: string,
		item: StoredCircleItem,
		limits: { maxItems: number; now: number }
	): Promise<CircleAddOutcome>;
	/** Deletes the item when `owner` added it; false when it is not there or not theirs. */
	remove(teamId: string, itemId: string, owner: string, now: number): Promise<boolean>;
	/** Every item of the team, in no particular order. */
	items(teamId: string): Promise<StoredCircleItem[]>;
	/** Deletes the items of teams that no longer exist or expired by `now`; answers how many. */
	deleteExpired(now: number): Promise<number>;
}
