import type { DatabaseSync } from 'node:sqlite';
import { checkpointAfterDelete, inTransaction } from '../storage/sqlite';
import type { CircleAddOutcome, CircleStore } from './circle-store';
import { parseStoredCircleItem } from './stored-circle-item';

/**
 * A team's circle in the embedded database, in `team_circle` beside `teams` (migration 5). The
 * routes read items only of a team they found, so a team past its retention hides its items at
 * once; `deleteExpired` (the team sweeper) then removes their rows.
 */
export function createSqliteCircleStore(
	db: DatabaseSync,
	{ retentionMs }: { retentionMs: number }
): CircleStore {
	const selectTeam = db.prepare('SELECT 1 FROM teams WHERE id = ? AND last_active_at > ?');
	const touchTeam = db.prepare('UPDATE teams SET last_active_at = ? WHERE id = ?');
	const selectItem = db.prepare('SELECT 1 FROM team_circle WHERE team_id = ? AND id = ?');
	const countItems = db.prepare('SELECT COUNT(*) AS n FROM team_circle WHERE team_id = ?');
	const insertItem = db.prepare(
		'INSERT INTO team_circle (team_id, id, owner, body) VALUES (?, ?, ?, ?)'
	);
	const deleteItem = db.prepare(
		'DELETE FROM team_circle WHERE team_id = ? AND id = ? AND owner = ?'
	);
	const selectItems = db.prepare('SELECT body FROM team_circle WHERE team_id = ?');
	const deleteOrphans = db.prepare(
		'DELETE FROM team_circle WHERE team_id NOT IN (SELECT id FROM teams WHERE last_active_at > ?)'
	);
	const activeSince = (now: number) => now - retentionMs;
	const exists = (id: string, now: number) => selectTeam.get(id, activeSince(now)) !== undefined;

	return {
		async add(teamId, owner, item, { maxItems, now }) {
			return inTransaction(db, (): CircleAddOutcome => {
				if (!exists(teamId, now)) return 'not-found';
				if (selectItem.get(teamId, item.id) !== undefined) return 'taken';
				if (Number(countItems.get(teamId)?.n) >= maxItems) return 'full';
				insertItem.run(teamId, item.id, owner, JSON.stringify(item));
				touchTeam.run(now, teamId);
				return 'saved';
			});
		},
		async remove(teamId, itemId, owner, now) {
			const removed = inTransaction(db, () => {
				if (!exists(teamId, now)) return false;
				if (Number(deleteItem.run(teamId, itemId, owner).changes) === 0) return false;
				touchTeam.run(now, teamId);
				return true;
			});
			if (removed) checkpointAfterDelete(db);
			return removed;
		},
		async items(teamId) {
			return selectItems
				.all(teamId)
				.map((row) => parseStoredCircleItem(String(row.body)))
				.filter((item) => item !== undefined);
		},
		async deleteExpired(now) {
			const deleted = Number(deleteOrphans.run(activeSince(now)).changes);
			if (deleted > 0) checkpointAfterDelete(db);
			return deleted;
		}
	};
}
