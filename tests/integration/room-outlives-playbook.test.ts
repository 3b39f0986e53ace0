import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { playbooksCli } from '../../server/playbooks-cli';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { loadRoomPage } from '../../src/lib/server/room-page';
import type { CreatePlaybookReply } from '../../src/lib/protocol/community';
import { NOTES_TEXT } from '../../src/lib/protocol/control';
import { cleanupsAfterEach, runCleanups, type Cleanups } from '../support/cleanups';
import { connectSynced } from '../support/clients';
import { startRedis, type TestRedis } from '../support/redis-server';
import { communityPlaybook } from '../support/seed-playbooks';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { sampleOf } from '../support/metrics';
import { syncedRoomDoc } from '../support/stored-data';
import { waitFor } from '../support/wait';

// A community playbook's author may delete it, and the operator may hide or delete it (C3, C4).
// The people already practising in a room started from it must keep their room and its notes:
// the room plays the copy of the playbook stored with it when it started.

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'room-outlives-playbook');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});
const cleanups = cleanupsAfterEach();

describe.each([
	['embedded storage', false],
	['Redis storage', true]
])('a room whose playbook leaves the library, with %s', (_name, onRedis) => {
	async function roomFromCommunityPlaybook() {
		const dataDir = tempDir();
		const server = await startTestServer({ dataDir, redisUrl: onRedis ? redis.url : undefined });
		cleanups.push(() => server.close());
		const response = await fetch(`${server.url}/api/playbooks`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				...communityPlaybook('ignored', 'Shared then withdrawn'),
				translations: { de: { title: 'Geteilt, dann zurückgezogen' } }
			})
		});
		const saved = (await response.json()) as CreatePlaybookReply;
		const room = await createRoom(server.url, saved.id);
		const first = await connectSynced(server.url, room.id);
		first.doc.getText(NOTES_TEXT).insert(0, 'what we said before');
		await waitFor(
			async () => (await notesAsStored(server.url, room.id)) === 'what we said before',
			'the notes to reach the server'
		);
		first.provider.destroy();
		// Everyone has left: the next one in loads the room from storage again.
		await waitFor(
			async () => (await sampleOf(server.url, 'practice_room_rooms_in_memory')) === 0,
			'the room to leave memory'
		);
		const operatorEnv = {
			DATA_DIR: dataDir,
			REDIS_URL: onRedis ? redis.url : undefined,
			LOG_LEVEL: 'silent'
		};
		return { server, saved, roomId: room.id, operatorEnv };
	}

	/** The notes as a newcomer syncs them, who then leaves again. */
	async function notesAsStored(url: string, roomId: string) {
		const probe: Cleanups = [];
		const doc = await syncedRoomDoc(url, roomId, probe);
		const notes = doc.getText(NOTES_TEXT).toString();
		await runCleanups(probe);
		return notes;
	}

	/** A newcomer (or a reload) reaches the room, its page and its notes. */
	async function expectRoomKept(url: string, roomId: string) {
		const later = await syncedRoomDoc(url, roomId, cleanups);
		await waitFor(
			() => later.getText(NOTES_TEXT).toString() === 'what we said before',
			'the notes written before'
		);
		const page = await loadRoomPage(roomId, 'en');
		expect(page.playbook.title).toBe('Shared then withdrawn');
		// The copy keeps its translations: someone reading German still reads it in German.
		expect((await loadRoomPage(roomId, 'de')).playbook.title).toBe('Geteilt, dann zurückgezogen');
	}

	test('[C3] the author deleting it does not take the room away from the people in it', async () => {
		const { server, saved, roomId } = await roomFromCommunityPlaybook();
		const deleted = await fetch(`${server.url}/api/playbooks/${saved.id}`, {
			method: 'DELETE',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ deleteToken: saved.deleteToken })
		});
		expect(deleted.status).toBe(204);
		expect((await fetch(`${server.url}/api/playbooks/${saved.id}`)).status).toBe(404);
		await expectRoomKept(server.url, roomId);
	});

	test('[C4] the operator hiding or deleting it does not either', async () => {
		const { server, saved, roomId, operatorEnv } = await roomFromCommunityPlaybook();
		expect((await playbooksCli(['hide', saved.id], operatorEnv)).code).toBe(0);
		await expectRoomKept(server.url, roomId);
		expect((await playbooksCli(['delete', saved.id], operatorEnv)).code).toBe(0);
		await expectRoomKept(server.url, roomId);
	});
});
