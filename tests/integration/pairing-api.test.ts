import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { PairingCard, PairingView } from '../../src/lib/protocol/pairing';
import type { CreateTeamReply } from '../../src/lib/protocol/team';
import { card } from '../support/pairing-pool';
import { startRedis, type TestRedis } from '../support/redis-server';
import { startTestServer } from '../support/server';
import { postJson } from '../support/http';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const memberKey = () => randomBytes(16).toString('base64url');

/** A client of one server's pairing API, with plain fetch. */
function pairingApi(url: string) {
	const post = (path: string, body: unknown) => postJson(url, path, body);
	return {
		post,
		async space(): Promise<string> {
			const response = await post('/api/teams', { name: 'Support' });
			return ((await response.json()) as CreateTeamReply).id;
		},
		async view(team: string): Promise<PairingView> {
			const response = await fetch(`${url}/api/teams/${team}/pairing`);
			expect(response.status).toBe(200);
			return (await response.json()) as PairingView;
		},
		async save(team: string, key: string, over: Partial<PairingCard>, avoid: string[] = []) {
			const response = await post(`/api/teams/${team}/pairing/card`, {
				memberKey: key,
				card: card(over),
				avoid
			});
			expect(response.status).toBe(200);
			return ((await response.json()) as { cardId: string }).cardId;
		},
		async make(team: string): Promise<PairingView> {
			const response = await post(`/api/teams/${team}/pairing/make`, {});
			expect(response.status).toBe(200);
			return (await response.json()) as PairingView;
		}
	};
}

describe.each([
	['SQLite', () => startTestServer()],
	['Redis', () => startTestServer({ redisUrl: redis.url })]
])('pairing API on %s', (_backend, start) => {
	let server: RunningServer;
	let api: ReturnType<typeof pairingApi>;
	beforeAll(async () => {
		server = await start();
		api = pairingApi(server.url);
	});
	afterAll(() => server.close());

	test('[TP2] the private list is used by the matcher and answered to nobody', async () => {
		const team = await api.space();
		const keys = [memberKey(), memberKey(), memberKey(), memberKey()];
		const ana = await api.save(team, keys[0]!, { name: 'Ana', strengths: ['feedback'] });
		const ben = await api.save(team, keys[1]!, { name: 'Ben', stretchGoals: ['feedback'] });
		// Ana's best match is Ben, but Ben asked not to be paired with her.
		await api.save(team, keys[1]!, { name: 'Ben', stretchGoals: ['feedback'] }, [ana]);
		await api.save(team, keys[2]!, { name: 'Cy' });
		await api.save(team, keys[3]!, { name: 'Di' });
		const view = await api.make(team);
		expect(view.round?.groups).toHaveLength(2);
		for (const group of view.round?.groups ?? []) {
			expect(group.members.includes(ana) && group.members.includes(ben)).toBe(false);
		}
		const everything = JSON.stringify(view) + JSON.stringify(await api.view(team));
		expect(everything).not.toContain('avoid');
		expect(Object.keys(view.cards[0] ?? {})).not.toContain('avoid');
	});

	test('[TP4] not a good fit ends the pair for both, without saying who answered', async () => {
		const team = await api.space();
		const [a, b] = [memberKey(), memberKey()];
		await api.save(team, a, { name: 'Ana' });
		await api.save(team, b, { name: 'Ben' });
		const made = await api.make(team);
		expect(made.round?.groups).toEqual([expect.objectContaining({ ended: false })]);
		const answer = await api.post(`/api/teams/${team}/pairing/fit`, {
			memberKey: b,
			fit: 'not-a-good-fit'
		});
		expect(answer.status).toBe(200);
		const view = (await answer.json()) as PairingView;
		expect(view.round?.groups).toEqual([expect.objectContaining({ ended: true })]);
		expect(JSON.stringify(view)).not.toContain('not-a-good-fit');
		// The next round does not pair them again: both wait in the pool.
		const next = await api.make(team);
		expect(next.round?.groups).toEqual([]);
		expect(next.round?.unpaired).toHaveLength(2);
	});

	test('[TP5] Start our room makes one room for the pair, the same for both', async () => {
		const team = await api.space();
		const [a, b] = [memberKey(), memberKey()];
		await api.save(team, a, { name: 'Ana', strengths: ['feedback'] });
		await api.save(team, b, { name: 'Ben', stretchGoals: ['feedback'] });
		await api.make(team);
		const [first, second] = await Promise.all(
			[a, b].map(async (key) => {
				const response = await api.post(`/api/teams/${team}/pairing/room`, { memberKey: key });
				expect(response.status).toBe(200);
				return (await response.json()) as { roomId: string; url: string };
			})
		);
		expect(first).toEqual(second);
		expect(first?.url).toBe(`${server.url}/r/${first?.roomId}`);
		const room = await fetch(`${server.url}/api/rooms/${first?.roomId}`);
		expect(room.status).toBe(200);
		expect(((await room.json()) as { playbookId: string }).playbookId).toBe(
			(await api.view(team)).round?.groups[0]?.playbookId
		);
		const outsider = await api.post(`/api/teams/${team}/pairing/room`, { memberKey: memberKey() });
		expect(outsider.status).toBe(404);
	});

	test('[TP3] a cadence makes the first round when the space is next read', async () => {
		const team = await api.space();
		await api.save(team, memberKey(), { name: 'Ana' });
		await api.save(team, memberKey(), { name: 'Ben' });
		expect((await api.view(team)).round).toBeUndefined();
		const set = await api.post(`/api/teams/${team}/pairing/cadence`, { cadence: 'weekly' });
		expect(set.status).toBe(200);
		const view = (await set.json()) as PairingView;
		expect(view.cadence).toBe('weekly');
		expect(view.round?.round).toBe(1);
		// Read again within the week: no second round.
		expect((await api.view(team)).round?.round).toBe(1);
	});

	test('[TP3] a cadence set just after Make pairs counts from that round rather than making another', async () => {
		const team = await api.space();
		await api.save(team, memberKey(), { name: 'Ana' });
		await api.save(team, memberKey(), { name: 'Ben' });
		expect((await api.make(team)).round?.round).toBe(1);
		const set = await api.post(`/api/teams/${team}/pairing/cadence`, { cadence: 'weekly' });
		expect(((await set.json()) as PairingView).round?.round).toBe(1);
		expect((await api.view(team)).round?.round).toBe(1);
	});

	test('[TP1] the owner edits and deletes their card; bad input is listed as path: message', async () => {
		const team = await api.space();
		const key = memberKey();
		await api.save(team, key, { name: 'Ana' });
		await api.save(team, key, { name: 'Anna' });
		expect((await api.view(team)).cards.map((c) => c.name)).toEqual(['Anna']);
		const bad = await api.post(`/api/teams/${team}/pairing/card`, {
			memberKey: key,
			card: card({
				name: 'x'.repeat(41),
				strengths: ['listening', 'feedback', 'empathy', 'trust'],
				timeZone: 'Mars/Olympus',
				hours: { days: [1], start: '17:00', end: '09:00' }
			})
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { problems: string[] }).problems).toEqual([
			'card.name: must be at most 40 characters',
			'card.strengths: must have at most 3 entries',
			'card.timeZone: must be a time zone such as Europe/Berlin',
			'card.hours.end: must end after it starts'
		]);
		const deleted = await api.post(`/api/teams/${team}/pairing/card/delete`, { memberKey: key });
		expect(deleted.status).toBe(200);
		expect(((await deleted.json()) as PairingView).cards).toEqual([]);
	});

	test('another site’s page cannot write a card or make pairs in its visitor’s name', async () => {
		const team = await api.space();
		for (const [path, body] of [
			[`/api/teams/${team}/pairing/card`, { memberKey: memberKey(), card: card({ name: 'Eve' }) }],
			[`/api/teams/${team}/pairing/make`, {}]
		] as const) {
			const response = await fetch(`${server.url}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
				body: JSON.stringify(body)
			});
			expect(response.status, path).toBe(403);
		}
		const view = await api.view(team);
		expect(view.cards).toEqual([]);
		expect(view.round).toBeUndefined();
	});

	test('an unknown space answers 404', async () => {
		const response = await fetch(`${server.url}/api/teams/${'A'.repeat(22)}/pairing`);
		expect(response.status).toBe(404);
	});
});

test('[LP1] pairing writes past the hourly limit get 429 with Retry-After, counted as pairing_writes', async () => {
	const server = await startTestServer({ pairingWritesPerAddressPerHour: 2 });
	try {
		const api = pairingApi(server.url);
		const team = await api.space();
		const key = memberKey();
		await api.save(team, key, { name: 'Ana' });
		await api.save(team, key, { name: 'Anna' });
		const refused = await api.post(`/api/teams/${team}/pairing/make`, {});
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		// Reading is never limited.
		expect((await api.view(team)).cards.map((c) => c.name)).toEqual(['Anna']);
		const metrics = await (await fetch(`${server.url}/metrics`)).text();
		expect(metrics).toContain('practice_room_refused_requests_total{reason="pairing_writes"} 1');
	} finally {
		await server.close();
	}
});
