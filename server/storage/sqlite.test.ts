import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, test } from 'vitest';
import { setLogLevel } from '../log';
import { StoredDataTooNewError } from './migrations';
import { migrateSqlite, openSqlite } from './sqlite';
import { SQLITE_MIGRATIONS, type SqliteMigration } from './sqlite-migrations';

const LATEST = SQLITE_MIGRATIONS.length;

const userVersion = (db: DatabaseSync) =>
	Number(db.prepare('PRAGMA user_version').get()?.user_version);
const tables = (db: DatabaseSync) =>
	db
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
		)
		.all()
		.map((row) => row.name);

describe('migrating the embedded database (PRAGMA user_version)', () => {
	beforeAll(() => setLogLevel('silent'));

	test('a new database gets every table at the latest version', () => {
		const db = new DatabaseSync(':memory:');
		migrateSqlite(db, 'db', 0);
		expect(userVersion(db)).toBe(LATEST);
		expect(tables(db)).toEqual([
			'doc_snapshots',
			'doc_updates',
			'playbooks',
			'push_subscriptions',
			'room_blobs',
			'room_wakes',
			'rooms',
			'team_circle',
			'team_erase_agreements',
			'team_pairing',
			'team_pairing_cards',
			'team_shares',
			'teams'
		]);
	});

	test('playbooks stored bare by the previous release get their record version', () => {
		const db = new DatabaseSync(':memory:');
		SQLITE_MIGRATIONS[0]?.up({ db, now: 0 });
		db.exec('PRAGMA user_version = 1');
		db.prepare('INSERT INTO playbooks VALUES (?, ?, ?)').run('p', '{"id":"p"}', 1);
		migrateSqlite(db, 'db', 0);
		expect(db.prepare('SELECT body FROM playbooks').get()?.body).toBe(
			'{"schemaVersion":1,"playbook":{"id":"p"}}'
		);
	});

	test('a step that fails leaves the database as it was: every step runs in one transaction', () => {
		const db = new DatabaseSync(':memory:');
		const failing: SqliteMigration[] = [
			{ version: 1, name: 'makes a table', up: ({ db }) => db.exec('CREATE TABLE made (x)') },
			{
				version: 2,
				name: 'fails',
				up: () => {
					throw new Error('step 2 failed');
				}
			}
		];
		expect(() => migrateSqlite(db, 'db', 0, failing)).toThrow('step 2 failed');
		expect(userVersion(db)).toBe(0);
		expect(tables(db)).toEqual([]);
	});

	test('a database from a newer release is refused with what to do, and left unchanged', () => {
		const db = new DatabaseSync(':memory:');
		db.exec(`CREATE TABLE future (x); PRAGMA user_version = ${LATEST + 1}`);
		expect(() => migrateSqlite(db, 'The database d.sqlite', 0)).toThrow(StoredDataTooNewError);
		expect(() => migrateSqlite(db, 'The database d.sqlite', 0)).toThrow(
			`The database d.sqlite has schema version ${LATEST + 1}, written by a newer Practice Room`
		);
		expect(userVersion(db)).toBe(LATEST + 1);
		expect(tables(db)).toEqual(['future']);
	});
});

describe('opening the embedded database', () => {
	beforeAll(() => setLogLevel('silent'));

	test('a data folder it makes is the server user’s alone: the database holds people’s notes', () => {
		const parent = mkdtempSync(join(tmpdir(), 'practice-room-open-'));
		try {
			const dataDir = join(parent, 'data');
			openSqlite(dataDir).close();
			expect(statSync(dataDir).mode & 0o777).toBe(0o700);
		} finally {
			rmSync(parent, { recursive: true, force: true });
		}
	});
});
