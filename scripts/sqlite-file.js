// What the backup and restore commands share: where the embedded database is, and how to read a
// database file's schema version without changing it.
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The database's name inside DATA_DIR: SQLITE_FILE in server/storage/sqlite.ts. */
const SQLITE_FILE = 'practice-room.sqlite';

/**
 * The embedded database of the instance configured by `env` (DATA_DIR, as the server reads it).
 * @param {Record<string, string | undefined>} env
 */
export function databasePath(env) {
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

/**
 * Stops the command when another process has the database at `file` open, such as a running
 * server. A connection in exclusive locking mode needs the only lock on a WAL database to read
 * it, and is refused at once (no busy timeout) while any other connection holds it. The check
 * changes nothing in the file.
 * @param {string} file
 */
export function failIfInUse(file) {
	const db = new DatabaseSync(file);
	try {
		db.exec('PRAGMA locking_mode = EXCLUSIVE');
		db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
	} catch (error) {
		fail(`${file} is in use (${String(error)}): stop the server first, then run again`);
	} finally {
		db.close();
	}
}
