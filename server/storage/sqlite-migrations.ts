import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './migrations';

/** A step of the embedded database's migrations. */
export interface SqliteMigration extends Migration {
	up(target: SqliteMigrationTarget): void;
}

/** What a step of the embedded database's migration sees. */
export interface SqliteMigrationTarget {
	db: DatabaseSync;
	/** When the database is opened, in ms: the activity time of rooms that had none recorded. */
	now: number;
}

/**
 * Version 1: every table as release 6cdb000 left it (that release set no `user_version`, so
 * its databases are version 0 and this step, idempotent, finds its tables there already). A
 * database from before rooms expired has no `rooms.last_active_at`: its rooms count as active at
 * the upgrade rather than at creation, so a room in use is not swept the moment the server starts.
 */
const BASELINE = `
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
	CREATE TABLE IF NOT EXISTS teams (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		last_active_at INTEGER NOT NULL
	);
	CREATE INDEX IF NOT EXISTS teams_by_last_active ON teams (last_active_at);
	CREATE TABLE IF NOT EXISTS team_shares (
		team_id TEXT NOT NULL,
		member TEXT NOT NULL,
		body TEXT NOT NULL,
		PRIMARY KEY (team_id, member)
	);
`;

function baseline({ db, now }: SqliteMigrationTarget): void {
	db.exec(BASELINE);
	const columns = db.prepare('PRAGMA table_info(rooms)').all();
	if (!columns.some((column) => column.name === 'last_active_at')) {
		db.exec('ALTER TABLE rooms ADD COLUMN last_active_at INTEGER NOT NULL DEFAULT 0');
		db.prepare('UPDATE rooms SET last_active_at = ?').run(now);
	}
	db.exec('CREATE INDEX IF NOT EXISTS rooms_by_last_active ON rooms (last_active_at)');
}

/**
 * Version 2: a stored playbook is `{"schemaVersion":1,"playbook":…}` rather than the bare
 * playbook (server/playbooks/stored-playbook.ts), so its own format can change later.
 */
function versionPlaybookRecords({ db }: SqliteMigrationTarget): void {
	db.exec(`UPDATE playbooks SET body = '{"schemaVersion":1,"playbook":' || body || '}'`);
}

/**
 * Version 3: community playbooks gain a summary (what the library lists, so a page never reads the
 * bodies), a hidden flag (`npm run playbooks -- hide`) and the hash of the author's delete token.
 * Rows stored before have no summary (NULL): the store writes it from the body when it first
 * lists one, and the server reads every summary once in the background at start
 * (server/playbooks/sqlite-playbook-store.ts), so a large library does not hold this step, or the
 * start, up. They have no delete token: only the operator can remove them. The index covers the
 * listing: a page of summaries is read from it alone, never from rows whose bodies (up to 100 KB)
 * would be walked past to reach them.
 */
function addPlaybookSummaries({ db }: SqliteMigrationTarget): void {
	const columns = db.prepare('PRAGMA table_info(playbooks)').all();
	const has = (name: string) => columns.some((column) => column.name === name);
	if (!has('summary')) db.exec('ALTER TABLE playbooks ADD COLUMN summary TEXT');
	if (!has('hidden')) db.exec('ALTER TABLE playbooks ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0');
	if (!has('delete_token_hash')) {
		db.exec('ALTER TABLE playbooks ADD COLUMN delete_token_hash TEXT');
	}
	db.exec(
		'CREATE INDEX IF NOT EXISTS playbooks_library ON playbooks (hidden, created_at DESC, id, summary)'
	);
}

/**
 * Team pairing (issue 16, pairing for growth): members' pairing cards, keyed like shares by the
 * hash of their member key, and one pairing record per space (cadence, rounds, fit answers)
 * with a version for compare-and-set.
 */
function teamPairingTables({ db }: SqliteMigrationTarget): void {
	db.exec(`
		CREATE TABLE IF NOT EXISTS team_pairing_cards (
			team_id TEXT NOT NULL,
			member TEXT NOT NULL,
			body TEXT NOT NULL,
			PRIMARY KEY (team_id, member)
		);
		CREATE TABLE IF NOT EXISTS team_pairing (
			team_id TEXT PRIMARY KEY,
			version INTEGER NOT NULL,
			body TEXT NOT NULL
		);
	`);
}

/**
 * Version 5 (team circle): a team's challenges, highlights, nominations, shelf picks and "tried
 * it" marks, each with the hash of the member key that added it (server/teams/sqlite-circle-store.ts).
 */
function teamCircle({ db }: SqliteMigrationTarget): void {
	db.exec(`
		CREATE TABLE IF NOT EXISTS team_circle (
			team_id TEXT NOT NULL,
			id TEXT NOT NULL,
			owner TEXT NOT NULL,
			body TEXT NOT NULL,
			PRIMARY KEY (team_id, id)
		)
	`);
}

/**
 * Version 6 (team erase, T6): each member's agreement to erase their space, under the two hashes
 * the space knows them by (shares and circle items; pairing card).
 */
function teamEraseAgreements({ db }: SqliteMigrationTarget): void {
	db.exec(`
		CREATE TABLE IF NOT EXISTS team_erase_agreements (
			team_id TEXT NOT NULL,
			member TEXT NOT NULL,
			pairing_member TEXT NOT NULL,
			PRIMARY KEY (team_id, member)
		)
	`);
}

/**
 * Version 7 (voice clips, protocol B1–B8): a room's blobs, beside its documents, deleted with it
 * (sqlite-room-store.ts; server/storage/sqlite-blob-store.ts).
 */
function roomBlobs({ db }: SqliteMigrationTarget): void {
	db.exec(`
		CREATE TABLE IF NOT EXISTS room_blobs (
			room_id TEXT NOT NULL,
			id TEXT NOT NULL,
			type TEXT NOT NULL,
			owner TEXT NOT NULL,
			data BLOB NOT NULL,
			PRIMARY KEY (room_id, id)
		)
	`);
}

/**
 * Version 8: the rooms' Web Push subscriptions (issue 17; server/push/sqlite-push-store.ts),
 * one row per room and endpoint, deleted with the room (sqlite-room-store.ts).
 */
function pushSubscriptions({ db }: SqliteMigrationTarget): void {
	db.exec(`
		CREATE TABLE IF NOT EXISTS push_subscriptions (
			room_id TEXT NOT NULL,
			endpoint TEXT NOT NULL,
			participant_id TEXT NOT NULL,
			body TEXT NOT NULL,
			PRIMARY KEY (room_id, endpoint)
		)
	`);
}

/**
 * Version 9: when each room run as turns next needs the server (issue 17, protocol A14;
 * server/turns/sqlite-wake-index.ts), deleted with the room (sqlite-room-store.ts).
 */
function roomWakes({ db }: SqliteMigrationTarget): void {
	db.exec(`
		CREATE TABLE IF NOT EXISTS room_wakes (room_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
		CREATE INDEX IF NOT EXISTS room_wakes_by_time ON room_wakes (at);
	`);
}

/** The embedded database's migrations, in order; the last one's version is what this release writes. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
	{ version: 1, name: 'tables of release 6cdb000', up: baseline },
	{ version: 2, name: 'stored playbooks carry a schema version', up: versionPlaybookRecords },
	{
		version: 3,
		name: 'community playbooks keep a summary, a hidden flag and a delete token',
		up: addPlaybookSummaries
	},
	{ version: 4, name: 'team pairing cards and rounds', up: teamPairingTables },
	{ version: 5, name: 'team circle: challenges, highlights, shelf picks', up: teamCircle },
	{ version: 6, name: 'agreements to erase a team space', up: teamEraseAgreements },
	{ version: 7, name: 'voice clips stored with their room', up: roomBlobs },
	{ version: 8, name: 'Web Push subscriptions of rooms', up: pushSubscriptions },
	{ version: 9, name: 'when rooms run as turns next need the server', up: roomWakes }
];
