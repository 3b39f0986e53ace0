import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from '../support/cleanups';
import { instancesOn } from '../support/instances';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom } from '../support/server';
import { waitFor } from '../support/wait';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();
const { instance, synced, joined } = instancesOn(() => redis.url, cleanups);

describe('[M7] decisions taken at the same moment on two instances', () => {
	test('both count: people joining and agreeing at once are all recorded', async () => {
		const [a, b] = [await instance(), await instance()];
		const room = await createRoom(a.url, 'active-listening-sprint');
		const watch = await synced(b, room.id);
		const control = () => watch.doc.getMap(CONTROL_MAP);
		for (let round = 0; round < 3; round++) {
			// joinAs confirms the agreements right after joining: two decisions per person.
			const [ana, ben] = await Promise.all([
				joined(a, room.id, `Ana ${round}`),
				joined(b, room.id, `Ben ${round}`)
			]);
			await waitFor(() => {
				const people = control().get('people') as Record<string, unknown> | undefined;
				const agreed = control().get('agreed') as string[] | undefined;
				return [ana.id, ben.id].every((id) => people?.[id] && agreed?.includes(id));
			}, `both people and both agreements of round ${round}`);
		}
		expect(Object.keys(control().get('people') as object)).toHaveLength(6);
		expect(control().get('agreed') as string[]).toHaveLength(6);
	});
});
