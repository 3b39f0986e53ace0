import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * secure_delete: deleted rows are overwritten with zeros rather than left in free pages, so an
 * erased or expired room leaves none of its bytes in the file (the WAL is checkpointed after a
 * deletion, see `checkpointAfterDelete`).
 */
const SCHEMA = `
	PRAGMA journal_mode = WAL;
	PRAGMA synchronous = NORMAL;
	PRAGMA secure_delete = ON;
	CREATE TABLE IF NOT EXISTS rooms (
		id TEXT PRIMARY KEY,
		playbook_id TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_active_at INTEGER NOT NULL
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
 * Databases made before rooms expired have no `last_active_at`. Their rooms count as active at
 * the upgrade rather than at creation, so a room in use is not swept the moment the server
 * starts.
 */
function addLastActiveAt(db: DatabaseSync, now: number): void {
	const columns = db.prepare('PRAGMA table_info(rooms)').all();
	if (columns.some((column) => column.name === 'last_active_at')) return;
	inTransaction(db, () => {
		db.exec('ALTER TABLE rooms ADD COLUMN last_active_at INTEGER NOT NULL DEFAULT 0');
		db.prepare('UPDATE rooms SET last_active_at = ?').run(now);
	});
}

/**
 * Playbooks saved before the library was paged have only a body: they gain a summary (written
 * when first listed, see sqlite-playbook-store.ts), a hidden flag and a delete token hash
 * (none: only the operator can remove them).
 */
function addPlaybookColumns(db: DatabaseSync): void {
	const columns = db.prepare('PRAGMA table_info(playbooks)').all();
	const has = (name: string) => columns.some((column) => column.name === name);
	inTransaction(db, () => {
		if (!has('summary')) db.exec('ALTER TABLE playbooks ADD COLUMN summary TEXT');
		if (!has('hidden')) {
			db.exec('ALTER TABLE playbooks ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0');
		}
		if (!has('delete_token_hash')) {
			db.exec('ALTER TABLE playbooks ADD COLUMN delete_token_hash TEXT');
		}
	});
	// Covering the library's listing: a page of summaries is read from the index alone, never
	// from the rows, whose bodies (up to 100 KB) would otherwise be walked past to reach them.
	db.exec(
		'CREATE INDEX IF NOT EXISTS playbooks_library ON playbooks (hidden, created_at DESC, id, summary)'
	);
}

/**
 * The embedded database: one SQLite file in `dataDir` through Node's built-in `node:sqlite`.
 * WAL with synchronous=NORMAL keeps every committed write across a process crash.
 */
export function openSqlite(dataDir: string, openedAt = Date.now()): DatabaseSync {
	mkdirSync(dataDir, { recursive: true });
	const db = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
	db.exec(SCHEMA);
	addLastActiveAt(db, openedAt);
	addPlaybookColumns(db);
	db.exec('CREATE INDEX IF NOT EXISTS rooms_by_last_active ON rooms (last_active_at)');
	return db;
}

/**
 * Copies the WAL into the database file and empties it: deleted rows live on in the WAL's older
 * frames until then.
 */
export function checkpointAfterDelete(db: DatabaseSync): void {
	db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

/** Runs `work` in one transaction; answers what it answers. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
	db.exec('BEGIN');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		db.exec('ROLLBACK');
		throw error;
	}
}
