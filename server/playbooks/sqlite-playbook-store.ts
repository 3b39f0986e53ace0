import type { DatabaseSync } from 'node:sqlite';
import { checkpointAfterDelete } from '../storage/sqlite';
import type { PlaybookSummary } from '../../src/lib/protocol/playbook';
import type { DatedSummary, PlaybookStore } from './playbook-store';
import {
	encodeStoredPlaybook,
	parseStoredPlaybook,
	storedSummaryOf,
	summaryFromBody,
	summaryReader
} from './stored-playbook';

/**
 * Community playbooks in the embedded database (table `playbooks`, server/storage/sqlite-migrations.ts),
 * listed through the index on (hidden, created_at DESC, id, summary).
 */
export function createSqlitePlaybookStore(db: DatabaseSync): PlaybookStore {
	// One statement, so the count and the insert cannot be split by another save.
	const insert = db.prepare(
		`INSERT INTO playbooks (id, body, created_at, summary, delete_token_hash)
		 SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM playbooks) < ?`
	);
	const selectOne = db.prepare('SELECT body FROM playbooks WHERE id = ? AND hidden = 0');
	// From the covering index (server/storage/sqlite-migrations.ts, version 3), not the rows with their bodies.
	const selectPage = db.prepare(
		`SELECT id, summary FROM playbooks WHERE hidden = 0
		 ORDER BY created_at DESC, id LIMIT ? OFFSET ?`
	);
	// The newest listed summaries with their saving time, from the same covering index.
	const selectDated = db.prepare(
		`SELECT id, summary, created_at FROM playbooks WHERE hidden = 0
		 ORDER BY created_at DESC, id LIMIT ?`
	);
	const selectDatedOf = db.prepare(
		`SELECT id, summary, created_at FROM playbooks
		 WHERE hidden = 0 AND id IN (SELECT value FROM json_each(?))
		 ORDER BY created_at DESC, id`
	);
	const selectBody = db.prepare('SELECT body FROM playbooks WHERE id = ?');
	const writeSummary = db.prepare('UPDATE playbooks SET summary = ? WHERE id = ?');
	const countWhere = db.prepare('SELECT COUNT(*) AS n FROM playbooks WHERE hidden = ?');
	const selectHidden = db.prepare(
		'SELECT id FROM playbooks WHERE hidden = 1 ORDER BY created_at DESC, id'
	);
	const selectToken = db.prepare(
		'SELECT delete_token_hash AS hash FROM playbooks WHERE id = ? AND hidden = 0'
	);
	const remove = db.prepare('DELETE FROM playbooks WHERE id = ?');
	const hide = db.prepare('UPDATE playbooks SET hidden = ? WHERE id = ?');

	const readSummary = summaryReader();

	/** A dated row's summary with its saving time, or nothing when it cannot be read. */
	function datedOf(row: Record<string, unknown>): DatedSummary[] {
		const summary = summaryOf(row);
		return summary ? [{ summary, createdAt: Number(row.created_at) }] : [];
	}

	function summaryOf(row: Record<string, unknown>): PlaybookSummary | undefined {
		if (typeof row.summary === 'string') {
			const stored = readSummary(String(row.id), row.summary);
			if (stored) return stored;
		}
		// Saved before summaries were, or one that no longer parses (a summary is derived): read
		// its body once and keep its summary (docs/operations.md, Upgrades).
		const body = selectBody.get(String(row.id))?.body;
		const fromBody = typeof body === 'string' ? summaryFromBody(body) : undefined;
		if (fromBody) writeSummary.run(fromBody.json, String(row.id));
		return fromBody?.summary;
	}

	return {
		async save({ playbook, createdAt, deleteTokenHash }, maxStored) {
			const { changes } = insert.run(
				playbook.id,
				encodeStoredPlaybook(playbook),
				createdAt,
				storedSummaryOf(playbook),
				deleteTokenHash,
				maxStored
			);
			return changes === 1 ? 'saved' : 'full';
		},
		async get(id) {
			const row = selectOne.get(id);
			return row ? parseStoredPlaybook(String(row.body)) : undefined;
		},
		async summaries(offset, limit) {
			return selectPage
				.all(limit, offset)
				.map(summaryOf)
				.filter((summary) => summary !== undefined);
		},
		async count() {
			return Number(countWhere.get(0)?.n ?? 0);
		},
		async hiddenCount() {
			return Number(countWhere.get(1)?.n ?? 0);
		},
		async hiddenIds() {
			return selectHidden.all().map((row) => String(row.id));
		},
		async deleteTokenHash(id) {
			const hash = selectToken.get(id)?.hash;
			return typeof hash === 'string' ? hash : undefined;
		},
		async delete(id) {
			const deleted = remove.run(id).changes === 1;
			// Deleted means gone from the file too, as for rooms (secure_delete, then the WAL).
			if (deleted) checkpointAfterDelete(db);
			return deleted;
		},
		async setHidden(id, hidden) {
			return hide.run(hidden ? 1 : 0, id).changes === 1;
		},
		async listDated(limit) {
			return selectDated.all(limit).flatMap(datedOf);
		},
		async datedOf(ids) {
			return ids.length === 0 ? [] : selectDatedOf.all(JSON.stringify(ids)).flatMap(datedOf);
		}
	};
}
