import { afterAll, beforeAll, expect, test } from 'vitest';
import { yWebsocketClients } from '../../bench/clients';
import { runRoomWorkload } from '../../bench/workloads';
import type { RunningServer } from '../../server/app';
import { createRoom, startTestServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

test('the benchmark harness produces figures and loses no update (a few rooms, briefly)', async () => {
	const rooms = await Promise.all([1, 2, 3].map(async () => (await createRoom(server.url)).id));
	const result = await runRoomWorkload(yWebsocketClients([server.port], '/yjs'), {
		rooms,
		people: 2,
		projectors: 1,
		durationMs: 2_000
	});
	expect(result.failedJoins).toBe(0);
	expect(result.updatesSent).toBeGreaterThan(10);
	// Two receivers per room see every update; the first second is warm-up, not measured.
	expect(result.latency.count).toBeGreaterThan(0);
	expect(result.latency.count).toBeLessThan(result.updatesSent * 2);
	expect(result.latency.p99).toBeGreaterThan(0);
	expect(result.dropped).toBe(0);
	expect(result.duplicated).toBe(0);
	expect(result.join.count).toBe(9);
});
