// What the backup and restore commands share: where the embedded database is, how to copy one,
// and how to read a database file's schema version without changing it.
import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The database's name inside DATA_DIR: SQLITE_FILE in server/storage/sqlite.ts. */
const SQLITE_FILE = 'practice-room.sqlite';

/**
 * The embedded database of the instance configured by `env` (DATA_DIR, as the server reads it).
 * Stops the command when REDIS_URL is set: the server keeps nothing in DATA_DIR then, and a
 * database left there from before would be backed up, or restored, in place of the real data.
 * @param {Record<string, string | undefined>} env
 */
export function databasePath(env) {
	if (env.REDIS_URL) {
		fail(
			'REDIS_URL is set: this deployment keeps its data in Redis, not in DATA_DIR. Back up and ' +
				'restore Redis instead (docs/operations.md: Backups and restore)'
		);
	}
	return resolve(join(env.DATA_DIR || './data', SQLITE_FILE));
}

/**
 * Stops the command with one line on standard error.
 * @param {string} message
 * @returns {never}
 */
export function fail(message) {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

/**
 * Checks a database file page by page and answers its schema version (PRAGMA user_version) and
 * how many rooms and playbooks it holds; fails on a damaged file or one that is no database.
 * @param {string} file
 */
export function inspectDatabase(file) {
	/** @type {DatabaseSync | undefined} */
	let db;
	try {
		db = new DatabaseSync(file, { readOnly: true });
		const check = db.prepare('PRAGMA integrity_check').get()?.integrity_check;
		if (check !== 'ok') fail(`${file} is damaged: ${String(check)}`);
		const count = (/** @type {string} */ table) =>
			Number(db?.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0);
		return {
			version: Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0),
			rooms: count('rooms'),
			playbooks: count('playbooks')
		};
	} catch (error) {
		return fail(`${file} is not a Practice Room database: ${String(error)}`);
	} finally {
		db?.close();
	}
}

/** SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock. */
const LOCK_HELD = new Set([5, 6]);

/**
 * Stops the command when another process has the database at `file` open, such as a running
 * server. A connection in exclusive locking mode needs the only lock on a WAL database to read
 * it, and is refused at once (no busy timeout) while any other connection holds it. Any other
 * failure (a damaged file, the usual reason to restore) is not a sign of use. The check changes
 * nothing in the file.
 * @param {string} file
 */
export function failIfInUse(file) {
	const db = new DatabaseSync(file);
	try {
		db.exec('PRAGMA locking_mode = EXCLUSIVE');
		db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
	} catch (error) {
		// Extended codes (SQLITE_BUSY_RECOVERY and the like) carry the primary one in the low byte.
		const code = error instanceof Error && 'errcode' in error ? Number(error.errcode) & 0xff : 0;
		if (LOCK_HELD.has(code)) {
			fail(`${file} is in use (${String(error)}): stop the server first, then run again`);
		}
	} finally {
		db.close();
	}
}

/**
 * Copies the database at `source` into the new file `target` with VACUUM INTO: one read
 * transaction, so the copy is the database at one moment whatever is written meanwhile, and it
 * includes what `source`'s WAL holds (a copy of the file alone would not). Stops the command,
 * leaving no `target`, when it fails or `target` exists.
 * @param {string} source
 * @param {string} target
 * @param {{ readOnly?: boolean }} [options] `readOnly`: leave `source` as it is (a backup); a live
 *   database is opened for writing, which is what lets the copy wait for the server's writes.
 */
export function copyDatabase(source, target, { readOnly = false } = {}) {
	// People's notes are in it: readable by the server's user alone from the first byte (SQLite
	// would create it readable by everyone, and a chmod afterwards is too late for whoever opened
	// it meanwhile). VACUUM INTO writes into an empty file; 'wx' refuses to overwrite one.
	try {
		closeSync(openSync(target, 'wx', 0o600));
	} catch (error) {
		fail(
			error instanceof Error && 'code' in error && error.code === 'EEXIST'
				? `${target} exists already: choose a new name`
				: `${target} cannot be made: ${String(error)}`
		);
	}
	/** @type {DatabaseSync | undefined} */
	let db;
	try {
		db = new DatabaseSync(source, { readOnly });
		// A running server commits every 20 ms: wait for its write to finish rather than fail.
		db.exec('PRAGMA busy_timeout = 10000');
		db.prepare('VACUUM INTO ?').run(target);
		// SQLite does not sync what VACUUM INTO writes: a copy is only one once it is on disk.
		const written = openSync(target, 'r+');
		fsyncSync(written);
		closeSync(written);
	} catch (error) {
		// A half-written file must not pass for a copy.
		rmSync(target, { force: true });
		fail(`copying ${source} failed: ${String(error)}`);
	} finally {
		db?.close();
	}
}
