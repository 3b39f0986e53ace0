import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { openSqlite } from '../../server/storage/sqlite';
import { createSqliteRoomStore } from '../../server/storage/sqlite-room-store';
import { cleanupsAfterEach } from '../support/cleanups';
import { writePreviousReleaseDataDir } from '../support/previous-release';
import { createRoom, startTestServer, tempDir } from '../support/server';
import {
	expectPlaybookServed,
	expectSampleData,
	roomAsSeen,
	storeSampleData
} from '../support/stored-data';
import { sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

const cleanups = cleanupsAfterEach();
const run = promisify(execFile);
const script = (name: string) => join(import.meta.dirname, '../../scripts', name);

/** Runs `npm run backup` / `npm run restore`'s script with DATA_DIR set, as npm would. */
function command(
	name: 'backup.js' | 'restore.js',
	dataDir: string,
	args: string[],
	env: Record<string, string> = {}
) {
	// The scripts' own REDIS_URL is the test's to set: the one CI may have is not theirs.
	const inherited = { ...process.env };
	delete inherited.REDIS_URL;
	return run(process.execPath, [script(name), ...args], {
		env: { ...inherited, DATA_DIR: dataDir, ...env }
	});
}

describe('backing up a running server and restoring it elsewhere (npm run backup / restore)', () => {
	test('the restored data directory serves the same rooms, playbooks and team shares', async () => {
		const dataDir = tempDir();
		const server = await startTestServer({ dataDir });
		cleanups.push(() => server.close());

		const data = await storeSampleData(server.url, cleanups);
		await waitFor(() => sqliteBytes(dataDir).includes(data.notes), 'the notes to be stored');

		// Taken while the server runs and holds the database open.
		const file = join(tempDir(), 'practice-room-backup.sqlite');
		const backedUp = await command('backup.js', dataDir, [file]);
		expect(backedUp.stdout).toMatch(
			/^Backed up 1 rooms and 1 saved playbooks \(schema version \d+\)/
		);
		// People's notes are in it: for its owner's eyes only.
		expect(statSync(file).mode & 0o777).toBe(0o600);

		const restoredDir = join(tempDir(), 'restored');
		const restored = await command('restore.js', restoredDir, [file]);
		expect(restored.stdout).toContain('Restored 1 rooms and 1 saved playbooks');

		const copy = await startTestServer({ dataDir: restoredDir });
		cleanups.push(() => copy.close());
		await expectSampleData(copy.url, data, cleanups);
	});

	test('a backup of the previous release restores, and the server upgrades it at start', async () => {
		const oldDir = tempDir();
		const data = writePreviousReleaseDataDir(oldDir);
		const file = join(tempDir(), 'old.sqlite');
		expect((await command('backup.js', oldDir, [file])).stdout).toContain('(schema version 0)');
		const restoredDir = tempDir();
		await command('restore.js', restoredDir, [file]);

		const server = await startTestServer({ dataDir: restoredDir });
		cleanups.push(() => server.close());
		expect((await roomAsSeen(server.url, data.roomId, cleanups)).notes).toBe(data.notes);
		await expectPlaybookServed(server.url, data.playbook);
	});

	test('a database restored with its WAL beside it (a crashed server, a volume snapshot) keeps what the WAL holds', async () => {
		const source = tempDir();
		// Held open, so that what the previous release's writer commits stays in the WAL.
		const holder = new DatabaseSync(join(source, 'practice-room.sqlite'));
		let data: ReturnType<typeof writePreviousReleaseDataDir>;
		const snapshot = tempDir();
		try {
			holder.exec('PRAGMA journal_mode = WAL');
			holder.prepare('SELECT COUNT(*) FROM sqlite_master').get();
			data = writePreviousReleaseDataDir(source);
			for (const name of readdirSync(source)) {
				copyFileSync(join(source, name), join(snapshot, name));
			}
		} finally {
			holder.close();
		}
		expect(readdirSync(snapshot)).toContain('practice-room.sqlite-wal');

		const restoredDir = tempDir();
		await command('restore.js', restoredDir, [join(snapshot, 'practice-room.sqlite')]);
		const server = await startTestServer({ dataDir: restoredDir });
		cleanups.push(() => server.close());
		expect((await roomAsSeen(server.url, data.roomId, cleanups)).notes).toBe(data.notes);
		await expectPlaybookServed(server.url, data.playbook);
	});

	test('restore leaves an existing database alone unless told to replace it', async () => {
		const source = tempDir();
		writePreviousReleaseDataDir(source);
		const file = join(tempDir(), 'backup.sqlite');
		await command('backup.js', source, [file]);
		const target = tempDir();
		const existing = writePreviousReleaseDataDir(target);
		// A WAL left by the old database would be replayed onto the restored one.
		writeFileSync(join(target, 'practice-room.sqlite-wal'), 'stale');

		await expect(command('restore.js', target, [file])).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringContaining('run again with --replace')
		});
		expect(sqliteBytes(target)).toContain(existing.roomId);

		await command('restore.js', target, [file, '--replace']);
		expect(existsSync(join(target, 'practice-room.sqlite-wal'))).toBe(false);
		expect(sqliteBytes(target)).not.toContain(existing.roomId);
	});

	test('restore refuses to replace the database of a running server, and changes nothing', async () => {
		const source = tempDir();
		writePreviousReleaseDataDir(source);
		const file = join(tempDir(), 'backup.sqlite');
		await command('backup.js', source, [file]);

		const dataDir = tempDir();
		const server = await startTestServer({ dataDir });
		let room: Awaited<ReturnType<typeof createRoom>>;
		try {
			// Stored when it answers. (Not read back through sqliteBytes: closing a file this
			// process opened drops the server's SQLite locks on it, which the restore looks for.)
			room = await createRoom(server.url);
			// Swapped under a running server, what it writes from then on would be gone at its
			// next start, and the backup would be what it serves after it.
			await expect(command('restore.js', dataDir, [file, '--replace'])).rejects.toMatchObject({
				code: 1,
				stderr: expect.stringContaining('is in use')
			});
			expect(existsSync(join(dataDir, 'practice-room.sqlite-wal'))).toBe(true);
		} finally {
			await server.close();
		}
		const again = await startTestServer({ dataDir });
		cleanups.push(() => again.close());
		expect((await fetch(`${again.url}/api/rooms/${room.id}`)).status).toBe(200);
	});

	test('restore replaces a damaged database, the reason one restores', async () => {
		const source = tempDir();
		const data = writePreviousReleaseDataDir(source);
		const file = join(tempDir(), 'backup.sqlite');
		await command('backup.js', source, [file]);
		const dataDir = tempDir();
		writeFileSync(join(dataDir, 'practice-room.sqlite'), 'not a database any more');

		await command('restore.js', dataDir, [file, '--replace']);
		const server = await startTestServer({ dataDir });
		cleanups.push(() => server.close());
		await expectPlaybookServed(server.url, data.playbook);
	});

	test('the backup file is never readable by others, not even while it is written', async () => {
		const dataDir = tempDir();
		writePreviousReleaseDataDir(dataDir);
		// Enough pages that the copy takes a while to write.
		const db = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
		db.exec('CREATE TABLE padding (data BLOB)');
		const pad = db.prepare('INSERT INTO padding VALUES (?)');
		db.exec('BEGIN');
		for (let i = 0; i < 2000; i++) pad.run(randomBytes(10_000));
		db.exec('COMMIT');
		db.close();

		const dir = tempDir();
		const file = join(dir, 'backup.sqlite');
		const modes = new Set<number>();
		const watcher = watch(dir, () => {
			if (existsSync(file)) modes.add(statSync(file).mode & 0o777);
		});
		try {
			await command('backup.js', dataDir, [file]);
			await waitFor(() => modes.size > 0, 'the backup file to be seen');
		} finally {
			watcher.close();
		}
		expect([...modes]).toEqual([0o600]);
	});

	test('a room deleted while a backup reads leaves no byte on disk once the backup is done', async () => {
		const dataDir = tempDir();
		const db = openSqlite(dataDir);
		cleanups.push(() => db.close());
		const store = createSqliteRoomStore(db, { now: () => Date.now() });
		const words = `erased during a backup ${randomBytes(8).toString('hex')}`;
		await store.createRoom(
			{ id: 'room-erased-during-backup', playbookId: 'p', createdAt: Date.now() },
			new TextEncoder().encode(words)
		);
		// What VACUUM INTO holds while it copies: one read transaction on the database.
		const backup = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
		backup.exec('BEGIN');
		backup.prepare('SELECT COUNT(*) FROM rooms').get();
		await store.deleteRoom('room-erased-during-backup');
		backup.exec('COMMIT');
		backup.close();

		await waitFor(
			() => !sqliteBytes(dataDir).includes(words),
			'the erased words to leave the disk'
		);
	});

	test('with REDIS_URL set, backup and restore refuse: the data is in Redis, not in DATA_DIR', async () => {
		// A database left from before the deployment moved to Redis would be backed up instead,
		// or a restore would go where the server never reads.
		const dataDir = tempDir();
		writePreviousReleaseDataDir(dataDir);
		const backup = join(tempDir(), 'backup.sqlite');
		await command('backup.js', dataDir, [backup]);
		const redis = { REDIS_URL: 'redis://127.0.0.1:1' };
		const stale = join(tempDir(), 'stale.sqlite');
		for (const args of [
			['backup.js', stale],
			['restore.js', backup, '--replace']
		] as const) {
			const [name, ...rest] = args;
			await expect(command(name, dataDir, rest, redis)).rejects.toMatchObject({
				code: 1,
				stderr: expect.stringContaining('REDIS_URL is set')
			});
		}
		expect(existsSync(stale)).toBe(false);
	});

	test('backup refuses to overwrite a file, and to run without a database', async () => {
		const file = join(tempDir(), 'taken.sqlite');
		writeFileSync(file, 'someone else’s');
		const dataDir = tempDir();
		writePreviousReleaseDataDir(dataDir);
		await expect(command('backup.js', dataDir, [file])).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringContaining('exists already')
		});
		await expect(
			command('backup.js', tempDir(), [join(tempDir(), 'x.sqlite')])
		).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringContaining('there is no database at')
		});
	});
});
