import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const SCHEMA = `
	PRAGMA journal_mode = WAL;
	PRAGMA synchronous = NORMAL;
	CREATE TABLE IF NOT EXISTS rooms (
		id TEXT PRIMARY KEY,
		playbook_id TEXT NOT NULL,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE IF NOT EXISTS doc_snapshots (room_id TEXT PRIMARY KEY, data BLOB NOT NULL);
	CREATE TABLE IF NOT EXISTS doc_updates (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		room_id TEXT NOT NULL,
		data BLOB NOT NULL
	);
	CREATE INDEX IF NOT EXISTS doc_updates_by_room ON doc_updates (room_id, seq);
	CREATE TABLE IF NOT EXISTS playbooks (
		id TEXT PRIMARY KEY,
		body TEXT NOT NULL,
		created_at INTEGER NOT NULL
	);
`;

/**
 * The embedded database: one SQLite file in `dataDir` through Node's built-in `node:sqlite`.
 * WAL with synchronous=NORMAL keeps every committed write across a process crash.
 */
export function openSqlite(dataDir: string): DatabaseSync {
	mkdirSync(dataDir, { recursive: true });
	const db = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
	db.exec(SCHEMA);
	return db;
}

/** Runs `work` in one transaction. */
export function inTransaction(db: DatabaseSync, work: () => void): void {
	db.exec('BEGIN');
	try {
		work();
		db.exec('COMMIT');
	} catch (error) {
		db.exec('ROLLBACK');
		throw error;
	}
}
