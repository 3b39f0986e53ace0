import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { log } from '../log';
import { latestVersion, planMigrations, StoredDataTooNewError } from './migrations';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqlite-migrations';

/** The database's file name inside `DATA_DIR` (scripts/backup.js and restore.js use it too). */
export const SQLITE_FILE = 'practice-room.sqlite';

/**
 * secure_delete: deleted rows are overwritten with zeros rather than left in free pages, so an
 * erased or expired room leaves none of its bytes in the file (the WAL is checkpointed after a
 * deletion, see `checkpointAfterDelete`). These settings belong to the connection, and
 * journal_mode cannot change inside a transaction: they are set before migrating.
 */
const CONNECTION_SETTINGS = `
	PRAGMA journal_mode = WAL;
	PRAGMA synchronous = NORMAL;
	PRAGMA secure_delete = ON;
`;

/**
 * Brings the database to the latest schema version (`PRAGMA user_version`) in one transaction:
 * a step that fails leaves the database as it was. Throws `StoredDataTooNewError` on a database
 * written by a newer release, without changing it.
 */
export function migrateSqlite(
	db: DatabaseSync,
	what: string,
	now: number,
	migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS
): void {
	inTransaction(db, () => {
		const stored = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
		const plan = planMigrations(stored, migrations);
		switch (plan.kind) {
			case 'current':
				return;
			case 'too-new':
				throw new StoredDataTooNewError(what, stored, latestVersion(migrations));
			case 'upgrade': {
				const created = db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get() === undefined;
				for (const step of plan.steps) {
					step.up({ db, now });
					// PRAGMA takes no bound parameters; the version is a number from the list.
					db.exec(`PRAGMA user_version = ${step.version}`);
				}
				// A new database is news to nobody.
				log.server[created ? 'debug' : 'info'](
					{ from: stored, to: latestVersion(migrations) },
					created ? 'the embedded database was created' : 'the embedded database was migrated'
				);
				return;
			}
		}
	});
}

/**
 * The embedded database: one SQLite file in `dataDir` through Node's built-in `node:sqlite`,
 * migrated to this release's schema. WAL with synchronous=NORMAL keeps every committed write
 * across a process crash.
 */
export function openSqlite(dataDir: string, openedAt = Date.now()): DatabaseSync {
	// People's notes are in it, like in a backup: a folder it makes is readable by its user alone.
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	const file = join(dataDir, SQLITE_FILE);
	const db = new DatabaseSync(file);
	try {
		db.exec(CONNECTION_SETTINGS);
		migrateSqlite(db, `The database ${file}`, openedAt);
	} catch (error) {
		db.close();
		throw error;
	}
	return db;
}

/** How long a checkpoint held up by a reader waits before it is tried again, in ms. */
const CHECKPOINT_RETRY_MS = 500;
/** Databases with a checkpoint waiting to be tried again. */
const checkpointPending = new WeakSet<DatabaseSync>();

/**
 * Copies the WAL into the database file and empties it: deleted rows live on in the WAL's older
 * frames, and in the file's pages, until then. A reader in the middle of a read transaction
 * (`npm run backup`'s VACUUM INTO) holds the checkpoint up, so it is tried again until it gets
 * through, rather than left to the next deletion, which may be days away.
 */
export function checkpointAfterDelete(db: DatabaseSync): void {
	const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
	if (Number(result?.busy ?? 0) === 0 || checkpointPending.has(db)) return;
	checkpointPending.add(db);
	setTimeout(() => {
		checkpointPending.delete(db);
		if (!db.isOpen) return;
		try {
			checkpointAfterDelete(db);
		} catch (error) {
			// Nobody waits for this one: the next deletion checkpoints again.
			log.server.error({ err: error }, 'checkpointing after a deletion failed');
		}
	}, CHECKPOINT_RETRY_MS).unref();
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
