import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import {
	MAX_TEAM_MEMBERS,
	type CreateTeamReply,
	type TeamView,
	type WeekCounts
} from '../../src/lib/protocol/team';
import { cleanupsAfterEach } from '../support/cleanups';
import { startRedis, type TestRedis } from '../support/redis-server';
import { startTestServer, tempDir } from '../support/server';
import { postJson } from '../support/http';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());
const cleanups = cleanupsAfterEach();

const memberKey = () => randomBytes(16).toString('base64url');
const week = (sessions: number, skills: WeekCounts['skills'] = {}): WeekCounts => ({
	week: '2026-03-02',
	sessions,
	minutes: sessions * 25,
	skills
});

/** A client of one server's team API. */
function teamApi(url: string) {
	const post = (path: string, body: unknown) => postJson(url, path, body);
	return {
		post,
		async create(name = 'Support'): Promise<CreateTeamReply> {
			const response = await post('/api/teams', { name });
			expect(response.status).toBe(201);
			return (await response.json()) as CreateTeamReply;
		},
		async view(id: string): Promise<TeamView> {
			const response = await fetch(`${url}/api/teams/${id}`);
			expect(response.status).toBe(200);
			return (await response.json()) as TeamView;
		},
		share: (id: string, key: string, weeks: WeekCounts[]) =>
			post(`/api/teams/${id}/share`, { memberKey: key, weeks }),
		withdraw: (id: string, key: string) => post(`/api/teams/${id}/withdraw`, { memberKey: key })
	};
}

describe.each([
	['SQLite', () => startTestServer()],
	['Redis', () => startTestServer({ redisUrl: redis.url })]
])('team API on %s', (_backend, start) => {
	let server: RunningServer;
	let api: ReturnType<typeof teamApi>;
	beforeAll(async () => {
		server = await start();
		api = teamApi(server.url);
	});
	afterAll(() => server.close());

	test('[T1] POST /api/teams answers an unguessable id and the team link; nobody shares yet', async () => {
		const team = await api.create('Support team');
		expect(team.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(team).toEqual({ id: team.id, name: 'Support team', url: `${server.url}/t/${team.id}` });
		expect(await api.view(team.id)).toEqual({
			id: team.id,
			name: 'Support team',
			sharing: 0,
			threshold: 3,
			visible: false,
			needed: 3
		});
	});

	test('[T2] figures stay hidden until three members share, then show only team totals', async () => {
		const team = await api.create();
		const [ada, bo, cy] = [memberKey(), memberKey(), memberKey()];
		expect((await api.share(team.id, ada, [week(3, { listening: 3 })])).status).toBe(200);
		const two = await api.share(team.id, bo, [week(1, { feedback: 1, listening: 1 })]);
		const hidden = (await two.json()) as TeamView;
		expect(hidden).toMatchObject({ visible: false, sharing: 2, needed: 1 });
		expect(hidden).not.toHaveProperty('figures');

		const three = (await (
			await api.share(team.id, cy, [week(2, { listening: 2 })])
		).json()) as TeamView;
		expect(three).toMatchObject({ visible: true, sharing: 3 });
		if (!three.visible) throw new Error('figures expected');
		// feedback is one member's alone, so it is not listed; their sessions are in the sums.
		expect(three.figures).toEqual({
			totals: { sessions: 6, minutes: 150 },
			weeks: [{ week: '2026-03-02', sessions: 6, minutes: 150 }],
			skills: [{ skill: 'listening', sessions: 6 }]
		});
		expect(JSON.stringify(three)).not.toContain(ada);
	});

	test('[T3][T4] a member’s new share replaces their last one, and a withdrawal hides the figures again', async () => {
		const team = await api.create();
		const keys = [memberKey(), memberKey(), memberKey()];
		for (const key of keys) await api.share(team.id, key, [week(1)]);
		await api.share(team.id, keys[0]!, [week(5)]);
		const replaced = await api.view(team.id);
		expect(replaced).toMatchObject({ sharing: 3, figures: { totals: { sessions: 7 } } });

		const withdrawn = await api.withdraw(team.id, keys[0]!);
		expect(withdrawn.status).toBe(200);
		expect(await withdrawn.json()).toMatchObject({ visible: false, sharing: 2, needed: 1 });
	});

	test('[T2] empty shares from one person’s extra browsers do not unmask the one real member', async () => {
		const team = await api.create();
		const colleague = [week(4, { listening: 4 })];
		expect((await api.share(team.id, memberKey(), colleague)).status).toBe(200);
		// The attack: two fresh member keys (two fresh browsers) sharing nothing, or zeros.
		expect((await api.share(team.id, memberKey(), [])).status).toBe(200);
		const third = await api.share(team.id, memberKey(), [
			week(0),
			{ ...week(0), week: '2026-03-09' }
		]);
		expect(third.status).toBe(200);
		const view = await api.view(team.id);
		expect(view).toEqual({ ...view, sharing: 3, visible: false, needed: 2 });
		expect(view).not.toHaveProperty('figures');
	});

	test('[T2] a week only one of three contributors practised in stays hidden', async () => {
		const team = await api.create();
		await api.share(team.id, memberKey(), [week(1), { ...week(7), week: '2026-03-09' }]);
		await api.share(team.id, memberKey(), [week(1)]);
		const view = await api.view(team.id);
		expect(view).toMatchObject({ visible: false, needed: 1 });
		await api.share(team.id, memberKey(), [week(1)]);
		expect(await api.view(team.id)).toMatchObject({
			visible: true,
			figures: {
				totals: { sessions: 3, minutes: 75 },
				weeks: [
					{ week: '2026-03-02', sessions: 3, minutes: 75 },
					{ week: '2026-03-09', sessions: null, minutes: null }
				]
			}
		});
	});

	test.each([
		['not JSON', 'weeks=1'],
		[
			'a week that has not begun',
			{ memberKey: memberKey(), weeks: [{ ...week(1), week: '2099-01-05' }] }
		],
		['no member key', { weeks: [] }],
		['a short member key', { memberKey: 'abc', weeks: [] }],
		[
			'a week that is not a Monday',
			{ memberKey: memberKey(), weeks: [{ ...week(1), week: '2026-03-03' }] }
		],
		['negative sessions', { memberKey: memberKey(), weeks: [week(-1)] }],
		[
			'an unknown skill',
			{ memberKey: memberKey(), weeks: [{ ...week(1), skills: { juggling: 1 } }] }
		],
		['journal text', { memberKey: memberKey(), weeks: [{ ...week(1), note: 'I felt heard' }] }],
		['a week named twice', { memberKey: memberKey(), weeks: [week(1), week(2)] }],
		['too many weeks', { memberKey: memberKey(), weeks: Array.from({ length: 27 }, () => week(1)) }]
	])('[T3] a share with %s gets 400 and changes nothing', async (_case, body) => {
		const team = await api.create();
		await api.share(team.id, memberKey(), [week(2)]);
		const before = await api.view(team.id);
		const response = await api.post(`/api/teams/${team.id}/share`, body);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toMatch(
			/must be JSON|not a valid share/
		);
		expect(await api.view(team.id)).toEqual(before);
	});

	test('a bad team request or an oversized body is refused', async () => {
		expect((await api.post('/api/teams', { name: '' })).status).toBe(400);
		expect((await api.post('/api/teams', { name: 'x', extra: 1 })).status).toBe(400);
		const team = await api.create();
		const big = { memberKey: memberKey(), weeks: [], padding: 'x'.repeat(20_000) };
		expect((await api.post(`/api/teams/${team.id}/share`, big)).status).toBe(413);
		expect(await api.view(team.id)).toMatchObject({ sharing: 0 });
	});

	test('an unknown or malformed team is 404 everywhere; a wrong method is 405', async () => {
		for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-a-team']) {
			expect((await fetch(`${server.url}/api/teams/${id}`)).status).toBe(404);
			expect((await api.share(id, memberKey(), [week(1)])).status).toBe(404);
			expect((await api.withdraw(id, memberKey())).status).toBe(404);
		}
		expect((await fetch(`${server.url}/api/teams`)).status).toBe(405);
	});

	test(`[T3] a team takes at most ${MAX_TEAM_MEMBERS} members; members already in may still update`, async () => {
		const team = await api.create();
		const keys = Array.from({ length: MAX_TEAM_MEMBERS }, memberKey);
		for (const key of keys) expect((await api.share(team.id, key, [week(1)])).status).toBe(200);
		const refused = await api.share(team.id, memberKey(), [week(1)]);
		expect(refused.status).toBe(409);
		expect((await api.share(team.id, keys[0]!, [week(2)])).status).toBe(200);
		expect(await api.view(team.id)).toMatchObject({
			sharing: MAX_TEAM_MEMBERS,
			figures: { totals: { sessions: MAX_TEAM_MEMBERS + 1 } }
		});
	});
});

describe('team writes per address (L6)', () => {
	test('[L6] over the limit a write gets 429 with Retry-After and changes nothing', async () => {
		const server = await startServer(
			loadConfig({
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: tempDir(),
				TEAM_WRITES_PER_ADDRESS_PER_HOUR: '2',
				LOG_LEVEL: 'silent'
			})
		);
		cleanups.push(() => server.close());
		const api = teamApi(server.url);
		const team = await api.create();
		expect((await api.share(team.id, memberKey(), [week(1)])).status).toBe(200);
		const refused = await api.share(team.id, memberKey(), [week(1)]);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await api.view(team.id)).toMatchObject({ sharing: 1 });
		expect((await api.post('/api/teams', { name: 'More' })).status).toBe(429);
	});
});
