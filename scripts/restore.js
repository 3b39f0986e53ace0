// `npm run restore -- <file> [--replace]`: puts a backup made by `npm run backup` in place of the
// embedded database in DATA_DIR (docs/operations.md: Restoring). Stop the server first: it keeps
// the database open, and a database in use is refused. At its next start the server migrates an
// older backup forward, and refuses one made by a newer release.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyDatabase, databasePath, fail, failIfInUse, inspectDatabase } from './sqlite-file.js';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const [backup, ...extra] = args.filter((arg) => arg !== '--replace');
if (!backup || extra.length > 0 || backup.startsWith('-')) {
	fail(
		'usage: npm run restore -- <backup file> [--replace]   (restores into DATA_DIR, default ./data)'
	);
}
const file = resolve(backup);
if (!existsSync(file)) fail(`there is no backup at ${file}`);
inspectDatabase(file);

const target = databasePath(process.env);
if (existsSync(target) && !replace) {
	fail(
		`a database is already at ${target}. Stop the server, then run again with --replace to ` +
			'overwrite it (everything in it since the backup is lost)'
	);
}
// A running server keeps writing to the file it opened: swapped under it, what it writes from
// then on is lost at its next start, and until then it serves the data the backup replaced.
if (existsSync(target)) failIfInUse(target);
mkdirSync(dirname(target), { recursive: true });
// Copied beside the target first, so the swap is one rename; the old database's WAL and shared
// memory files go with it, or SQLite would replay the old WAL onto the restored file. Copied
// through SQLite, not file by file: a backup with a WAL beside it (from a crashed server or a
// copy of a whole data folder) has part of its data in that WAL.
const incoming = `${target}.restoring`;
rmSync(incoming, { force: true });
copyDatabase(file, incoming, { readOnly: true });
for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
// What is restored, counted in the copy itself.
const { version, rooms, playbooks } = inspectDatabase(incoming);
renameSync(incoming, target);
process.stdout.write(
	`Restored ${rooms} rooms and ${playbooks} saved playbooks (schema version ${version}) into ${target}\n`
);
