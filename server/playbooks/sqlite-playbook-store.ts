import type { DatabaseSync } from 'node:sqlite';
import { encodeStoredPlaybook, parseStoredPlaybook } from './stored-playbook';
import type { PlaybookStore } from './playbook-store';

export function createSqlitePlaybookStore(db: DatabaseSync): PlaybookStore {
	const insert = db.prepare('INSERT INTO playbooks (id, body, created_at) VALUES (?, ?, ?)');
	const selectOne = db.prepare('SELECT body FROM playbooks WHERE id = ?');
	const selectAll = db.prepare('SELECT body FROM playbooks ORDER BY created_at DESC, id');
	const selectDated = db.prepare(
		'SELECT body, created_at FROM playbooks ORDER BY created_at DESC, id'
	);
	return {
		async save(playbook, createdAt) {
			insert.run(playbook.id, encodeStoredPlaybook(playbook), createdAt);
		},
		async get(id) {
			const row = selectOne.get(id);
			return row ? parseStoredPlaybook(String(row.body)) : undefined;
		},
		async list() {
			return selectAll
				.all()
				.map((row) => parseStoredPlaybook(String(row.body)))
				.filter((playbook) => playbook !== undefined);
		},
		async listDated() {
			return selectDated.all().flatMap((row) => {
				const playbook = parseStoredPlaybook(String(row.body));
				return playbook ? [{ playbook, createdAt: Number(row.created_at) }] : [];
			});
		}
	};
}
