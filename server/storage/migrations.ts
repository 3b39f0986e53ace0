/**
 * Numbered schema migrations, shared by the SQLite database, Redis and room documents: each
 * kind of stored data keeps a version number, and start-up brings it forward one numbered step
 * at a time. Pure: which steps to run is decided here, the runners do the I/O.
 */

/** One step: brings data at `version - 1` to `version`; each store says how (`up`, a script). */
export interface Migration {
	version: number;
	/** What the step changes, for the log. */
	name: string;
}

/** What start-up does with data at some version. */
export type MigrationPlan<M extends Migration> =
	{ kind: 'current' } | { kind: 'upgrade'; steps: readonly M[] } | { kind: 'too-new' };

/** The version the last of `migrations` reaches: what this release writes. */
export function latestVersion(migrations: readonly Migration[]): number {
	return migrations.at(-1)?.version ?? 0;
}

/**
 * The steps that bring data stored at `stored` to the latest version. Data from a newer release
 * is `too-new`: this release cannot know what it means, so it must not touch it.
 */
export function planMigrations<M extends Migration>(
	stored: number,
	migrations: readonly M[]
): MigrationPlan<M> {
	migrations.forEach((migration, index) => {
		if (migration.version !== index + 1) {
			throw new Error(
				`migration ${migration.name} is numbered ${migration.version}, not ${index + 1}`
			);
		}
	});
	const latest = latestVersion(migrations);
	if (stored > latest) return { kind: 'too-new' };
	if (stored === latest) return { kind: 'current' };
	return { kind: 'upgrade', steps: migrations.slice(stored) };
}

/**
 * Stored data written by a newer release than this one. Start-up stops with its message alone:
 * it says what to do, and a stack trace would only hide that.
 */
export class StoredDataTooNewError extends Error {
	constructor(what: string, stored: number, known: number) {
		super(
			`${what} has schema version ${stored}, written by a newer Practice Room; this release ` +
				`reads up to version ${known}. Start the newer release again, or restore a backup ` +
				`made by this one (docs/operations.md: Upgrades).`
		);
		this.name = 'StoredDataTooNewError';
	}
}
