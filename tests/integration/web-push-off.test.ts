import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { VAPID_KEYS_FILE } from '../../server/push/vapid-keys';
import { cleanupsAfterEach } from '../support/cleanups';
import { postJson } from '../support/http';
import { createRoom, startTestServer, tempDir } from '../support/server';

const cleanups = cleanupsAfterEach();

test('[W1] [W8] with PUSH_SERVICES=off no key pair is made and the push routes are not there', async () => {
	const dataDir = tempDir();
	const server = await startTestServer({ dataDir, env: { PUSH_SERVICES: 'off' } });
	cleanups.push(() => server.close());
	expect((await fetch(`${server.url}/api/push/key`)).status).toBe(404);
	const { id: roomId } = await createRoom(server.url, 'active-listening-sprint');
	expect((await postJson(server.url, `/api/rooms/${roomId}/push`, {})).status).toBe(404);
	expect(existsSync(join(dataDir, VAPID_KEYS_FILE))).toBe(false);
});
