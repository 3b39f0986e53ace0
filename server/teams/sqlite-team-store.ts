import type { DatabaseSync } from 'node:sqlite';
import { checkpointAfterDelete, inTransaction } from '../storage/sqlite';
import { everyoneAgreed } from '../../src/lib/team/space-erase';
import { parseStoredShare } from './stored-share';
import type { EraseOutcome, ShareOutcome, TeamStore } from './team-store';

/** Every table that holds a part of a team space, by its `team_id` column. */
const SPACE_TABLES = [
	'team_shares',
	'team_erase_agreements',
	'team_pairing_cards',
	'team_pairing',
	'team_circle'
] as const;

export interface SqliteTeamStoreOptions {
	/** How long a team is kept after its last activity, in ms. */
	retentionMs: number;
}

/**
 * Teams in the embedded database, beside the rooms (secure_delete is on there; the tables are
 * made by server/storage/sqlite-migrations.ts). A team past its retention is no longer found from
 * the moment it expires; `deleteExpired` (the sweeper) then removes its rows.
 */
export function createSqliteTeamStore(
	db: DatabaseSync,
	{ retentionMs }: SqliteTeamStoreOptions
): TeamStore {
	const insertTeam = db.prepare(
		'INSERT INTO teams (id, name, created_at, last_active_at) VALUES (?, ?, ?, ?)'
	);
	const selectTeam = db.prepare(
		'SELECT id, name, created_at FROM teams WHERE id = ? AND last_active_at > ?'
	);
	const touchTeam = db.prepare('UPDATE teams SET last_active_at = ? WHERE id = ?');
	const selectMember = db.prepare('SELECT 1 FROM team_shares WHERE team_id = ? AND member = ?');
	const countMembers = db.prepare('SELECT COUNT(*) AS n FROM team_shares WHERE team_id = ?');
	const upsertShare = db.prepare(
		'INSERT INTO team_shares (team_id, member, body) VALUES (?, ?, ?) ON CONFLICT (team_id, member) DO UPDATE SET body = excluded.body'
	);
	const deleteShare = db.prepare('DELETE FROM team_shares WHERE team_id = ? AND member = ?');
	const selectShares = db.prepare('SELECT body FROM team_shares WHERE team_id = ?');
	const deleteExpiredShares = db.prepare(
		'DELETE FROM team_shares WHERE team_id IN (SELECT id FROM teams WHERE last_active_at <= ?)'
	);
	const deleteExpiredTeams = db.prepare('DELETE FROM teams WHERE last_active_at <= ?');
	const deleteGoneAgreements = db.prepare(
		'DELETE FROM team_erase_agreements WHERE team_id NOT IN (SELECT id FROM teams WHERE last_active_at > ?)'
	);
	const upsertAgreement = db.prepare(
		'INSERT INTO team_erase_agreements (team_id, member, pairing_member) VALUES (?, ?, ?) ON CONFLICT (team_id, member) DO UPDATE SET pairing_member = excluded.pairing_member'
	);
	const selectAgreements = db.prepare(
		'SELECT member, pairing_member FROM team_erase_agreements WHERE team_id = ?'
	);
	const selectShareMembers = db.prepare('SELECT member FROM team_shares WHERE team_id = ?');
	const selectCircleOwners = db.prepare('SELECT DISTINCT owner FROM team_circle WHERE team_id = ?');
	const selectCardMembers = db.prepare('SELECT member FROM team_pairing_cards WHERE team_id = ?');
	const deleteTeam = db.prepare('DELETE FROM teams WHERE id = ?');
	const deleteSpaceRows = SPACE_TABLES.map((table) =>
		db.prepare(`DELETE FROM ${table} WHERE team_id = ?`)
	);

	const activeSince = (now: number) => now - retentionMs;
	const exists = (id: string, now: number) => selectTeam.get(id, activeSince(now)) !== undefined;

	return {
		async create(team) {
			insertTeam.run(team.id, team.name, team.createdAt, team.createdAt);
		},
		async get(id, now) {
			const row = selectTeam.get(id, activeSince(now));
			return (
				row && { id: String(row.id), name: String(row.name), createdAt: Number(row.created_at) }
			);
		},
		async share(teamId, member, share, { maxMembers, now }) {
			return inTransaction(db, (): ShareOutcome => {
				if (!exists(teamId, now)) return 'not-found';
				const isMember = selectMember.get(teamId, member) !== undefined;
				if (!isMember && Number(countMembers.get(teamId)?.n) >= maxMembers) return 'team-full';
				upsertShare.run(teamId, member, JSON.stringify(share));
				touchTeam.run(now, teamId);
				return 'saved';
			});
		},
		async withdraw(teamId, member, now) {
			const found = inTransaction(db, () => {
				if (!exists(teamId, now)) return false;
				deleteShare.run(teamId, member);
				touchTeam.run(now, teamId);
				return true;
			});
			if (found) checkpointAfterDelete(db);
			return found;
		},
		async shares(teamId) {
			return selectShares
				.all(teamId)
				.map((row) => parseStoredShare(String(row.body)))
				.filter((share) => share !== undefined);
		},
		async agreeToErase(teamId, agreement, now) {
			const outcome = inTransaction(db, (): EraseOutcome => {
				if (!exists(teamId, now)) return { outcome: 'not-found' };
				upsertAgreement.run(teamId, agreement.member, agreement.pairingMember);
				const agreements = selectAgreements.all(teamId).map((row) => ({
					member: String(row.member),
					pairingMember: String(row.pairing_member)
				}));
				const column = (rows: Record<string, unknown>[], name: string) =>
					rows.map((row) => String(row[name]));
				const contributors = {
					shareMembers: column(selectShareMembers.all(teamId), 'member'),
					circleOwners: column(selectCircleOwners.all(teamId), 'owner'),
					cardMembers: column(selectCardMembers.all(teamId), 'member')
				};
				if (!everyoneAgreed(contributors, agreements)) {
					touchTeam.run(now, teamId);
					return { outcome: 'waiting', agreed: agreements.length };
				}
				for (const deleteRows of deleteSpaceRows) deleteRows.run(teamId);
				deleteTeam.run(teamId);
				return { outcome: 'erased' };
			});
			if (outcome.outcome === 'erased') checkpointAfterDelete(db);
			return outcome;
		},
		async deleteExpired(now) {
			const deleted = inTransaction(db, () => {
				deleteExpiredShares.run(activeSince(now));
				deleteGoneAgreements.run(activeSince(now));
				return Number(deleteExpiredTeams.run(activeSince(now)).changes);
			});
			if (deleted > 0) checkpointAfterDelete(db);
			return deleted;
		}
	};
}
