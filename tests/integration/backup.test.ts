import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import type { Playbook } from '../../src/lib/protocol/playbook';
import type { CreateTeamReply } from '../../src/lib/protocol/team';
import { cleanupsAfterEach } from '../support/cleanups';
import { writePreviousReleaseDataDir } from '../support/previous-release';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { expectPlaybookServed, roomAsSeen, syncedRoomDoc, teamView } from '../support/stored-data';
import { sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

const cleanups = cleanupsAfterEach();
const run = promisify(execFile);
const script = (name: string) => join(import.meta.dirname, '../../scripts', name);

/** Runs `npm run backup` / `npm run restore`'s script with DATA_DIR set, as npm would. */
function command(name: 'backup.js' | 'restore.js', dataDir: string, args: string[]) {
	return run(process.execPath, [script(name), ...args], {
		env: { ...process.env, DATA_DIR: dataDir }
	});
}

const post = (url: string, body: unknown) =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

describe('backing up a running server and restoring it elsewhere (npm run backup / restore)', () => {
	test('the restored data directory serves the same rooms, playbooks and team shares', async () => {
		const dataDir = tempDir();
		const server = await startTestServer({ dataDir });
		cleanups.push(() => server.close());

		const room = await createRoom(server.url);
		const doc = await syncedRoomDoc(server.url, room.id, cleanups);
		const notes = `backed-up notes ${room.id}`;
		doc.getText(NOTES_TEXT).insert(0, notes);
		const builtIn = findBuiltInPlaybook('five-minute-win');
		const saved = await post(`${server.url}/api/playbooks`, { ...builtIn, title: 'Backed up' });
		expect(saved.status).toBe(201);
		const { id: playbookId } = (await saved.json()) as { id: string };
		const playbook = (await (
			await fetch(`${server.url}/api/playbooks/${playbookId}`)
		).json()) as Playbook;
		const team = (await (
			await post(`${server.url}/api/teams`, { name: 'Ops' })
		).json()) as CreateTeamReply;
		for (const key of [1, 2, 3].map(() => randomBytes(16).toString('base64url'))) {
			const weeks = [{ week: '2026-03-02', sessions: 2, minutes: 50, skills: {} }];
			expect(
				(await post(`${server.url}/api/teams/${team.id}/share`, { memberKey: key, weeks })).status
			).toBe(200);
		}
		await waitFor(() => sqliteBytes(dataDir).includes(notes), 'the notes to be stored');

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
		expect((await roomAsSeen(copy.url, room.id, cleanups)).notes).toBe(notes);
		await expectPlaybookServed(copy.url, playbook);
		expect(await teamView(copy.url, team.id)).toMatchObject({
			visible: true,
			sharing: 3,
			figures: { totals: { sessions: 6, minutes: 150 } }
		});
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

	test('the backup file is never readable by others, not even while it is written', async () => {
		const dataDir = tempDir();
		writePreviousReleaseDataDir(dataDir);
		// Enough pages that the copy takes a while to write.
		const db = new DatabaseSync(join(dataDir, 'practice-room.sqlite'));
		db.exec('CREATE TABLE padding (data BLOB)');
		const pad = db.prepare('INSERT INTO padding VALUES (?)');
		for (let i = 0; i < 2000; i++) pad.run(randomBytes(10_000));
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
