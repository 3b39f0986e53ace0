// `npm run backup -- <file>`: a consistent copy of the embedded database (DATA_DIR), taken while
// the server runs (docs/operations.md: Backups). VACUUM INTO reads the database in one
// transaction, so the copy is the database as it was at one moment, whatever the server writes
// meanwhile; and it writes only live rows, so nothing erased before that moment is in it.
import { closeSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databasePath, fail, inspectDatabase } from './sqlite-file.js';

const [target, ...extra] = process.argv.slice(2);
if (!target || extra.length > 0 || target.startsWith('-')) {
	fail(
		'usage: npm run backup -- <backup file>   (copies the database in DATA_DIR, default ./data)'
	);
}
const file = resolve(target);
const source = databasePath(process.env);
if (!existsSync(source)) fail(`there is no database at ${source}: is DATA_DIR right?`);

// People's notes are in it: readable by the server's user alone from the first byte (SQLite would
// create it readable by everyone, and a chmod afterwards is too late for whoever opened it
// meanwhile). VACUUM INTO writes into an empty file; 'wx' also refuses to overwrite one.
try {
	closeSync(openSync(file, 'wx', 0o600));
} catch (error) {
	fail(
		error instanceof Error && 'code' in error && error.code === 'EEXIST'
			? `${file} exists already: choose a new name for the backup`
			: `the backup file cannot be made: ${String(error)}`
	);
}

const db = new DatabaseSync(source);
try {
	// The server commits every 20 ms: wait for its write to finish rather than fail.
	db.exec('PRAGMA busy_timeout = 10000');
	db.prepare('VACUUM INTO ?').run(file);
	// SQLite does not sync what VACUUM INTO writes: a backup is only one once it is on disk.
	const written = openSync(file, 'r+');
	fsyncSync(written);
	closeSync(written);
} catch (error) {
	// A half-written file must not pass for a backup.
	rmSync(file, { force: true });
	fail(`the backup failed: ${String(error)}`);
} finally {
	db.close();
}
const { version, rooms, playbooks } = inspectDatabase(file);
process.stdout.write(
	`Backed up ${rooms} rooms and ${playbooks} saved playbooks (schema version ${version}) to ${file}\n`
);
