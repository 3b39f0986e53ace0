import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Participant } from '../../src/lib/protocol/presence';
import { cleanupsAfterEach } from '../support/cleanups';
import { instancesOn } from '../support/instances';
import { startRestartableRedis, type RestartableRedis } from '../support/redis-server';
import { createRoom, tempDir } from '../support/server';
import { waitFor } from '../support/wait';

let redis: RestartableRedis;
beforeAll(async () => {
	redis = await startRestartableRedis(tempDir());
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
// Heartbeats and the grace far longer than the test: what the roster shows comes from the leave.
const { instance, joined } = instancesOn(() => redis.url, cleanups, {
	PRESENCE_HEARTBEAT_MS: '60000',
	LEAVE_GRACE_MS: '60000'
});

test('[S2, S3] an old connection closing on one instance does not show as dropped someone already back through another', async () => {
	const [a, b] = [await instance(), await instance()];
	const room = await createRoom(a.url);
	const ada = await joined(a, room.id, 'Ada');
	const oldBen = await joined(a, room.id, 'Ben');
	// Ben's phone came back through the other instance before the first noticed it had gone.
	await joined(b, room.id, 'Ben', { id: oldBen.id });
	const rosters: Participant[][] = [];
	ada.socket.on('presence:roster', (roster) => rosters.push(roster));

	oldBen.socket.disconnect();
	await waitFor(() => rosters.length > 0, 'the roster after the old connection closed');
	expect(rosters[0]?.find((p) => p.participantId === oldBen.id)?.status).toBe('connected');
});
