// `npm run backup -- <file>`: a consistent copy of the embedded database (DATA_DIR), taken while
// the server runs (docs/operations.md: Backups). VACUUM INTO reads the database in one
// transaction, so the copy is the database as it was at one moment, whatever the server writes
// meanwhile; and it writes only live rows, so nothing erased before that moment is in it.
import { chmodSync, existsSync } from 'node:fs';
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
if (existsSync(file)) fail(`${file} exists already: choose a new name for the backup`);
const source = databasePath(process.env);
if (!existsSync(source)) fail(`there is no database at ${source}: is DATA_DIR right?`);

const db = new DatabaseSync(source);
try {
	// The server commits every 20 ms: wait for its write to finish rather than fail.
	db.exec('PRAGMA busy_timeout = 10000');
	db.prepare('VACUUM INTO ?').run(file);
} catch (error) {
	fail(`the backup failed: ${String(error)}`);
} finally {
	db.close();
}
// People's notes are in it: readable by the server's user alone.
chmodSync(file, 0o600);
const { version, rooms, playbooks } = inspectDatabase(file);
process.stdout.write(
	`Backed up ${rooms} rooms and ${playbooks} saved playbooks (schema version ${version}) to ${file}\n`
);
