import type { DatabaseSync } from 'node:sqlite';
import { checkpointAfterDelete, inTransaction } from '../storage/sqlite';
import {
	parseStoredCard,
	parseStoredPairing,
	type CardOutcome,
	type PairingStore
} from './pairing-store';

/**
 * Pairing cards and records in the embedded database, beside the space's other rows (tables
 * from migration 3). A write touches the space, as a share does; a space that expired or was
 * deleted takes its rows with it at the next sweep.
 */
export function createSqlitePairingStore(
	db: DatabaseSync,
	{ retentionMs }: { retentionMs: number }
): PairingStore {
	const selectTeam = db.prepare('SELECT 1 FROM teams WHERE id = ? AND last_active_at > ?');
	const touchTeam = db.prepare('UPDATE teams SET last_active_at = ? WHERE id = ?');
	const selectCard = db.prepare(
		'SELECT 1 FROM team_pairing_cards WHERE team_id = ? AND member = ?'
	);
	const countCards = db.prepare('SELECT COUNT(*) AS n FROM team_pairing_cards WHERE team_id = ?');
	const upsertCard = db.prepare(
		'INSERT INTO team_pairing_cards (team_id, member, body) VALUES (?, ?, ?) ON CONFLICT (team_id, member) DO UPDATE SET body = excluded.body'
	);
	const deleteCard = db.prepare('DELETE FROM team_pairing_cards WHERE team_id = ? AND member = ?');
	const selectCards = db.prepare('SELECT member, body FROM team_pairing_cards WHERE team_id = ?');
	const selectPairing = db.prepare('SELECT version, body FROM team_pairing WHERE team_id = ?');
	const insertPairing = db.prepare(
		'INSERT INTO team_pairing (team_id, version, body) VALUES (?, 1, ?) ON CONFLICT (team_id) DO NOTHING'
	);
	const updatePairing = db.prepare(
		'UPDATE team_pairing SET version = version + 1, body = ? WHERE team_id = ? AND version = ?'
	);
	const gone = 'SELECT id FROM teams WHERE last_active_at > ?';
	const deleteGoneCards = db.prepare(
		`DELETE FROM team_pairing_cards WHERE team_id NOT IN (${gone})`
	);
	const deleteGonePairing = db.prepare(`DELETE FROM team_pairing WHERE team_id NOT IN (${gone})`);
	const countGone = db.prepare(
		`SELECT COUNT(*) AS n FROM (SELECT team_id FROM team_pairing_cards UNION SELECT team_id FROM team_pairing) WHERE team_id NOT IN (${gone})`
	);

	const exists = (id: string, now: number) => selectTeam.get(id, now - retentionMs) !== undefined;

	return {
		async saveCard(teamId, member, card, { maxCards, now }) {
			return inTransaction(db, (): CardOutcome => {
				if (!exists(teamId, now)) return 'not-found';
				const known = selectCard.get(teamId, member) !== undefined;
				if (!known && Number(countCards.get(teamId)?.n) >= maxCards) return 'full';
				upsertCard.run(teamId, member, JSON.stringify(card));
				touchTeam.run(now, teamId);
				return 'saved';
			});
		},
		async deleteCard(teamId, member, now) {
			const found = inTransaction(db, () => {
				if (!exists(teamId, now)) return false;
				deleteCard.run(teamId, member);
				touchTeam.run(now, teamId);
				return true;
			});
			if (found) checkpointAfterDelete(db);
			return found;
		},
		async cards(teamId) {
			return selectCards.all(teamId).flatMap((row) => {
				const card = parseStoredCard(String(row.body));
				return card ? [{ member: String(row.member), card }] : [];
			});
		},
		async pairing(teamId) {
			const row = selectPairing.get(teamId);
			return row
				? parseStoredPairing(String(row.body), Number(row.version))
				: parseStoredPairing(undefined, 0);
		},
		async setPairing(teamId, version, next, now) {
			return inTransaction(db, () => {
				if (!exists(teamId, now)) return false;
				const body = JSON.stringify(next);
				const changed =
					version === 0
						? insertPairing.run(teamId, body).changes
						: updatePairing.run(body, teamId, version).changes;
				if (Number(changed) === 0) return false;
				touchTeam.run(now, teamId);
				return true;
			});
		},
		async deleteExpired(now) {
			const activeSince = now - retentionMs;
			const deleted = inTransaction(db, () => {
				const spaces = Number(countGone.get(activeSince)?.n);
				deleteGoneCards.run(activeSince);
				deleteGonePairing.run(activeSince);
				return spaces;
			});
			if (deleted > 0) checkpointAfterDelete(db);
			return deleted;
		}
	};
}
