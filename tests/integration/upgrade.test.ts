import { once } from 'node:events';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { summarizePlaybook } from '../../src/lib/protocol/playbook';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { migrateRedis } from '../../server/redis/migrate-redis';
import { PLAYBOOK_KEYS, REDIS_VERSION_KEY } from '../../server/redis/keys';
import { REDIS_MIGRATIONS } from '../../server/redis/redis-migrations';
import { ROOM_DOC_MIGRATIONS, SCHEMA_VERSION_KEY } from '../../server/rooms/room-doc-version';
import { CLOSE_SERVER_ERROR } from '../../server/yjs/yjs-endpoint';
import { StoredDataTooNewError } from '../../server/storage/migrations';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqlite-migrations';
import { cleanupsAfterEach } from '../support/cleanups';
import { joinAs } from '../support/clients';
import {
	writePreviousReleaseDataDir,
	writePreviousReleaseRedis,
	type PreviousReleaseData
} from '../support/previous-release';
import { startRedis, type TestRedis } from '../support/redis-server';
import { startTestServer, tempDir } from '../support/server';
import { expectPlaybookServed, roomAsSeen, syncedRoomDoc, teamView } from '../support/stored-data';
import { waitFor } from '../support/wait';

const cleanups = cleanupsAfterEach();

/** Everything the previous release stored, served by the current server at `url`. */
async function expectAllThere(url: string, data: PreviousReleaseData): Promise<void> {
	expect(await roomAsSeen(url, data.roomId, cleanups)).toEqual({
		notes: data.notes,
		schemaVersion: ROOM_DOC_MIGRATIONS.length
	});
	await expectPlaybookServed(url, data.playbook);
	expect(await teamView(url, data.teamId)).toMatchObject({
		visible: true,
		sharing: 3,
		figures: { totals: { sessions: 6, minutes: 150 } }
	});
}

const sqliteFile = (dataDir: string) => join(dataDir, 'practice-room.sqlite');

describe('upgrading a data directory of the previous release (release 6cdb000, no schema version)', () => {
	test('rooms, playbooks and team shares are all there, and the database is at the latest version', async () => {
		const dataDir = tempDir();
		const data = writePreviousReleaseDataDir(dataDir);

		const server = await startTestServer({ dataDir });
		try {
			await expectAllThere(server.url, data);
		} finally {
			await server.close();
		}

		const db = new DatabaseSync(sqliteFile(dataDir), { readOnly: true });
		expect(db.prepare('PRAGMA user_version').get()?.user_version).toBe(SQLITE_MIGRATIONS.length);
		const stored = db.prepare('SELECT body, summary FROM playbooks').get();
		expect(JSON.parse(String(stored?.body))).toEqual({ schemaVersion: 1, playbook: data.playbook });
		// Step 3 added the column; the store wrote the summary from the body.
		expect(JSON.parse(String(stored?.summary))).toEqual(summarizePlaybook(data.playbook, true));
		db.close();

		// Upgraded once: a second start finds everything as it was.
		const again = await startTestServer({ dataDir });
		cleanups.push(() => again.close());
		await expectAllThere(again.url, data);
	});

	test('a room of that release, without the control keys added since, still moves on and names who moved it', async () => {
		const dataDir = tempDir();
		const data = writePreviousReleaseDataDir(dataDir);
		const server = await startTestServer({ dataDir });
		cleanups.push(() => server.close());
		const control = (await syncedRoomDoc(server.url, data.roomId, cleanups)).getMap(CONTROL_MAP);
		// As that release stored it: no mover and no speakers on record (issue 19.2, 19.3).
		expect([control.has('movedBy'), control.has('speakers')]).toEqual([false, false]);
		const ana = await joinAs(server.url, data.roomId, 'Ana', {
			roleId: data.playbook.roles[0]?.id
		});
		cleanups.push(() => ana.socket.disconnect());
		expect(ana.reply).toMatchObject({ ok: true });
		expect(await ana.send({ type: 'step.goto', target: 1 })).toEqual({ ok: true });
		await waitFor(() => control.get('step') === 1, 'the next step');
		expect(control.get('movedBy')).toBe(ana.id);
	});

	test('a room document from a newer release is refused when opened, untouched; the server runs on', async () => {
		const dataDir = tempDir();
		const data = writePreviousReleaseDataDir(dataDir);
		const future = ROOM_DOC_MIGRATIONS.length + 1;
		const db = new DatabaseSync(sqliteFile(dataDir));
		const newer = new Y.Doc();
		newer.getMap(CONTROL_MAP).set(SCHEMA_VERSION_KEY, future);
		db.prepare('INSERT INTO doc_updates (room_id, data) VALUES (?, ?)').run(
			data.roomId,
			Y.encodeStateAsUpdate(newer)
		);
		db.close();

		const server = await startTestServer({ dataDir });
		try {
			const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/yjs/${data.roomId}`);
			const [code] = (await once(ws, 'close')) as [number];
			expect(code).toBe(CLOSE_SERVER_ERROR);
			// Everything else is served.
			await expectPlaybookServed(server.url, data.playbook);
		} finally {
			await server.close();
		}
		// The room's stored updates are as they were.
		const after = new DatabaseSync(sqliteFile(dataDir), { readOnly: true });
		const stored = after
			.prepare('SELECT data FROM doc_updates WHERE room_id = ?')
			.all(data.roomId)
			.map((row) => row.data as Uint8Array);
		after.close();
		expect(stored).toHaveLength(2);
	});

	test('a database from a newer release stops start-up with what to do, and is left as it was', async () => {
		const dataDir = tempDir();
		writePreviousReleaseDataDir(dataDir);
		const future = SQLITE_MIGRATIONS.length + 1;
		const db = new DatabaseSync(sqliteFile(dataDir));
		db.exec(`PRAGMA user_version = ${future}`);
		db.close();

		const started = startTestServer({ dataDir });
		await expect(started).rejects.toThrow(StoredDataTooNewError);
		await expect(started).rejects.toThrow(`has schema version ${future}, written by a newer`);
		const after = new DatabaseSync(sqliteFile(dataDir), { readOnly: true });
		expect(after.prepare('PRAGMA user_version').get()?.user_version).toBe(future);
		expect(String(after.prepare('SELECT body FROM playbooks').get()?.body)).not.toContain(
			'schemaVersion'
		);
		after.close();
	});
});

describe('upgrading Redis data of the previous release (no version key)', () => {
	let redis: TestRedis;
	let client: RedisClient;
	beforeAll(async () => {
		redis = await startRedis();
		client = await connectRedis(redis.url, 'upgrade-tests');
	});
	afterAll(async () => {
		await client.close();
		await redis.stop();
	});

	test('rooms, playbooks and team shares are all there, and the version key is the latest', async () => {
		await client.flushAll();
		const data = await writePreviousReleaseRedis(client);
		expect(await client.get(REDIS_VERSION_KEY)).toBeNull();

		const server = await startTestServer({ redisUrl: redis.url });
		cleanups.push(() => server.close());
		expect(await client.get(REDIS_VERSION_KEY)).toBe(String(REDIS_MIGRATIONS.length));
		// Before anything lists it: the start reads every summary in the background, writing it.
		const summary = () => client.hGet(PLAYBOOK_KEYS.summaries, data.playbook.id);
		await waitFor(async () => (await summary()) !== null, 'the old playbook’s summary');
		expect(JSON.parse(String(await summary()))).toEqual(summarizePlaybook(data.playbook, true));
		await expectAllThere(server.url, data);
		expect(JSON.parse(String(await client.hGet('pr:playbooks', data.playbook.id)))).toEqual({
			schemaVersion: 1,
			playbook: data.playbook
		});
	});

	test('two instances starting together on old data both serve it, wrapped once', async () => {
		await client.flushAll();
		const data = await writePreviousReleaseRedis(client);
		const [one, two] = await Promise.all([
			startTestServer({ redisUrl: redis.url }),
			startTestServer({ redisUrl: redis.url })
		]);
		cleanups.push(
			() => one.close(),
			() => two.close()
		);
		// Both serve it. (The step skips wrapped bodies, so this cannot tell whether it ran once:
		// the test with a step that counts its runs below does.)
		await expectPlaybookServed(one.url, data.playbook);
		await expectPlaybookServed(two.url, data.playbook);
	});

	test('instances migrating at once run each step exactly once, even a step that is not idempotent', async () => {
		await client.flushAll();
		// Each step counts its runs: the playbook step skips wrapped bodies, so it cannot tell.
		const counting = [1, 2, 3].map((version) => ({
			version,
			name: `counts its runs ${version}`,
			keys: ['test:runs'],
			script: "redis.call('INCR', KEYS[2])"
		}));
		const instances = await Promise.all(
			[1, 2, 3, 4].map(() => connectRedis(redis.url, 'upgrade-tests'))
		);
		try {
			await Promise.all(instances.map((instance) => migrateRedis(instance, 'Redis', counting)));
		} finally {
			await Promise.all(instances.map((instance) => instance.close()));
		}
		expect(await client.get('test:runs')).toBe('3');
		expect(await client.get(REDIS_VERSION_KEY)).toBe('3');
	});

	test('data from a newer release stops start-up with what to do, and is left as it was', async () => {
		await client.flushAll();
		const data = await writePreviousReleaseRedis(client);
		const future = String(REDIS_MIGRATIONS.length + 1);
		await client.set(REDIS_VERSION_KEY, future);

		const started = startTestServer({ redisUrl: redis.url });
		await expect(started).rejects.toThrow(StoredDataTooNewError);
		await expect(started).rejects.toThrow(
			`The data in Redis has schema version ${future}, written by a newer`
		);
		expect(await client.get(REDIS_VERSION_KEY)).toBe(future);
		expect(await client.hGet('pr:playbooks', data.playbook.id)).toBe(JSON.stringify(data.playbook));
		// Nothing of the refused start-up was left behind to retry in the background.
		await waitFor(
			async () => (await client.clientList()).length === 1,
			'only this client to remain'
		);
	});
});
