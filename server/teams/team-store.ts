import type { StoredShare, StoredTeam } from '../../src/lib/protocol/team';
import type { EraseAgreement } from '../../src/lib/team/space-erase';

export type TeamRecord = StoredTeam;

/** What became of a share: saved, refused because the team has its most members, or no team. */
export type ShareOutcome = 'saved' | 'team-full' | 'not-found';

/** What became of an agreement to erase: the space is gone, it waits for others, or no space. */
export type EraseOutcome =
	{ outcome: 'erased' } | { outcome: 'waiting'; agreed: number } | { outcome: 'not-found' };

/**
 * Teams and their members' shares, keyed by the hash of each member's key. A team is kept for
 * `retentionMs` after its last activity (its creation, a share, a withdrawal), then deleted with
 * its shares. Implementations: SQLite (embedded default) and Redis; both pass
 * tests/integration/team-store.contract.ts.
 */
export interface TeamStore {
	/** Saves a new team, active at `createdAt`; fails if its id is taken. */
	create(team: TeamRecord): Promise<void>;
	/** The team, unless it is unknown or has expired by `now`. */
	get(id: string, now: number): Promise<TeamRecord | undefined>;
	/**
	 * Saves `member`'s share, replacing their previous one. A member not sharing yet is refused
	 * when `maxMembers` already share.
	 */
	share(
		teamId: string,
		member: string,
		share: StoredShare,
		limits: { maxMembers: number; now: number }
	): Promise<ShareOutcome>;
	/** Deletes `member`'s share, if any; false when the team is unknown. */
	withdraw(teamId: string, member: string, now: number): Promise<boolean>;
	/** The current share of every member, in no particular order. */
	shares(teamId: string): Promise<StoredShare[]>;
	/**
	 * Records `agreement` to erase the team (T6) and, in the same step, erases the team with
	 * everything it holds (shares, agreements, pairing cards and rounds, circle items) once every
	 * member with something in it has agreed (`everyoneAgreed`). An agreement is activity.
	 */
	agreeToErase(teamId: string, agreement: EraseAgreement, now: number): Promise<EraseOutcome>;
	/** Deletes the teams expired by `now` with their shares; answers how many. */
	deleteExpired(now: number): Promise<number>;
}
