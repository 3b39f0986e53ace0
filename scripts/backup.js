// `npm run backup -- <file>`: a consistent copy of the embedded database (DATA_DIR), taken while
// the server runs (docs/operations.md: Backups). VACUUM INTO reads the database in one
// transaction, so the copy is the database as it was at one moment, whatever the server writes
// meanwhile; and it writes only live rows, so nothing erased before that moment is in it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { copyDatabase, databasePath, fail, inspectDatabase } from './sqlite-file.js';

const [target, ...extra] = process.argv.slice(2);
if (!target || extra.length > 0 || target.startsWith('-')) {
	fail(
		'usage: npm run backup -- <backup file>   (copies the database in DATA_DIR, default ./data)'
	);
}
const file = resolve(target);
const source = databasePath(process.env);
if (!existsSync(source)) fail(`there is no database at ${source}: is DATA_DIR right?`);

copyDatabase(source, file);
const { version, rooms, playbooks } = inspectDatabase(file);
process.stdout.write(
	`Backed up ${rooms} rooms and ${playbooks} saved playbooks (schema version ${version}) to ${file}\n`
);
