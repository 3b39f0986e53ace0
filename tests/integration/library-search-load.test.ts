import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { inTransaction, openSqlite } from '../../server/storage/sqlite';
import { COMMUNITY_WORDS } from '../../src/lib/protocol/community';
import { sampleOf } from '../support/metrics';
import { seedPlaybooks } from '../support/seed-playbooks';
import { startTestServer, tempDir } from '../support/server';

// A search that matches nothing reads all 10,000 summaries (docs/protocol.md, C5). Anyone may
// send many at once: they must not hold the server from everything else while they run.

let server: RunningServer;
beforeAll(async () => {
	const dir = tempDir();
	const db = openSqlite(dir);
	inTransaction(db, () => void seedPlaybooks(createSqlitePlaybookStore(db), 10_000));
	db.close();
	// The API's deadline is not what this file tests: on a loaded machine a search at the back
	// of the line could pass the default one and be answered 503 (storage guard) instead.
	server = await startTestServer({ dataDir: dir, apiTimeoutMs: 60_000 });
}, 60_000);
afterAll(() => server.close());

const search = async (words: string) => {
	const response = await fetch(`${server.url}/api/playbooks?q=${encodeURIComponent(words)}`);
	return { status: response.status, found: ((await response.json()) as unknown[]).length };
};

test('[C5] while 32 searches read through 10,000 at once, /healthz answers again and again before most of them finish', async () => {
	// Once, so every summary has been parsed and remembered: what is left is the scan itself.
	expect(await search('matches nothing at all')).toEqual({ status: 200, found: 0 });

	let finished = 0;
	const searches = Array.from({ length: 32 }, async (_, index) => {
		const answer = await search(`nothing ${index}`);
		finished += 1;
		return answer;
	});
	// Each answer waits its turn behind the searches already under way, never behind all of
	// them: before, the first /healthz came back after all 32 (6.3 s on a loaded machine).
	const healthMs: number[] = [];
	for (let i = 0; i < 5; i++) {
		const started = performance.now();
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		healthMs.push(Math.round(performance.now() - started));
	}
	expect(finished, `searches finished as /healthz took ${healthMs.join(', ')} ms`).toBeLessThan(16);
	expect(await Promise.all(searches)).toEqual(
		Array.from({ length: 32 }, () => ({ status: 200, found: 0 }))
	);
}, 60_000);

test('[C5] searches past the line of those waiting are refused at once with 503 and Retry-After, and counted', async () => {
	const answers = await Promise.all(
		Array.from({ length: 64 }, async (_, index) => {
			const response = await fetch(
				`${server.url}/api/playbooks?q=${encodeURIComponent(`still nothing ${index}`)}`
			);
			return { response, body: (await response.json()) as unknown };
		})
	);
	expect(answers.every(({ response }) => [200, 503].includes(response.status))).toBe(true);
	// Only the refusal is counted; any other 503 (a deadline passed) would not be this answer.
	const refused = answers.filter(
		({ body }) =>
			typeof body === 'object' && body !== null && 'code' in body && body.code === 'busy'
	);
	expect(refused.length).toBeGreaterThan(0);
	for (const { response, body } of refused) {
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('1');
		expect(body).toEqual({ error: COMMUNITY_WORDS.busy, code: 'busy', problems: [] });
	}
	expect(
		await sampleOf(server.url, 'practice_room_refused_requests_total{reason="library_searches"}')
	).toBe(refused.length);
}, 60_000);
