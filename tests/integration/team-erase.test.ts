import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { CreateTeamReply } from '../../src/lib/protocol/team';
import { card } from '../support/pairing-pool';
import { startRedis, type TestRedis } from '../support/redis-server';
import { startTestServer, tempDir } from '../support/server';
import { redisEntries, sqliteBytes } from '../support/stored-bytes';
import { postJson } from '../support/http';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const memberKey = () => randomBytes(16).toString('base64url');
let counter = 0;
/** A text no other test writes, to look for in the stored bytes. */
const marker = (what: string) => `${what}${process.pid}x${++counter}x${Date.now()}`;
/** The hash a share is kept under (server/teams/team-routes.ts), to look for it in the bytes. */
const shareHash = (teamId: string, key: string) =>
	createHash('sha256').update(`${teamId}:${key}`).digest('base64url');

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('[T6] erasing a team space with %s', (_name, useRedis) => {
	let server: RunningServer;
	const dataDir = tempDir();
	beforeAll(async () => {
		server = await startTestServer({ redisUrl: useRedis ? redis.url : undefined, dataDir });
	});
	afterAll(() => server.close());

	const post = (path: string, body: unknown) => postJson(server.url, path, body);

	/** Everything the store holds right now, as text to search. */
	async function stored(): Promise<string> {
		if (!useRedis) return sqliteBytes(dataDir);
		const entries = await redisEntries(redis.url);
		return entries.map(({ key, value }) => `${key}\n${value}`).join('\n');
	}

	/** A space where Ana shared figures and posted, and Ben holds a pairing card. */
	async function usedSpace() {
		const name = marker('space');
		const created = await post('/api/teams', { name });
		const team = ((await created.json()) as CreateTeamReply).id;
		const ana = memberKey();
		const ben = memberKey();
		const week = { week: '2026-03-02', sessions: 2, minutes: 20, skills: {} };
		expect((await post(`/api/teams/${team}/share`, { memberKey: ana, weeks: [week] })).status).toBe(
			200
		);
		const story = marker('story ');
		const highlight = { type: 'highlight', memberKey: ana, text: story, author: null };
		expect((await post(`/api/teams/${team}/circle`, highlight)).status).toBe(201);
		const cardName = marker('Ben');
		const saved = await post(`/api/teams/${team}/pairing/card`, {
			memberKey: ben,
			card: card({ name: cardName.slice(0, 40) }),
			avoid: []
		});
		expect(saved.status).toBe(200);
		expect((await post(`/api/teams/${team}/pairing/make`, {})).status).toBe(200);
		const texts = [team, name, story, cardName.slice(0, 40), shareHash(team, ana)];
		const bytes = await stored();
		for (const text of texts) expect(bytes.includes(text), `${text} is stored`).toBe(true);
		return { team, ana, ben, texts };
	}

	test('once every contributor agrees the space is gone and no byte of it is left', async () => {
		const kept = await usedSpace();
		const { team, ana, ben, texts } = await usedSpace();

		const first = await post(`/api/teams/${team}/erase`, { memberKey: ana });
		expect(await first.json()).toEqual({ erased: false, agreed: 1 });
		expect((await fetch(`${server.url}/api/teams/${team}`)).status).toBe(200);

		const second = await post(`/api/teams/${team}/erase`, { memberKey: ben });
		expect(await second.json()).toEqual({ erased: true });

		expect((await fetch(`${server.url}/api/teams/${team}`)).status).toBe(404);
		expect((await fetch(`${server.url}/api/teams/${team}/pairing`)).status).toBe(404);
		expect((await post(`/api/teams/${team}/erase`, { memberKey: ana })).status).toBe(404);
		const bytes = await stored();
		for (const text of texts) expect(bytes.includes(text), `${text} is left`).toBe(false);
		for (const text of kept.texts) expect(bytes.includes(text), `${text} is kept`).toBe(true);
	});

	test('a member with nothing in the space cannot erase it alone, nor can one contributor', async () => {
		const { team, ana } = await usedSpace();
		for (const key of [memberKey(), ana, memberKey()]) {
			const reply = await post(`/api/teams/${team}/erase`, { memberKey: key });
			expect((await reply.json()) as unknown).toMatchObject({ erased: false });
		}
		expect((await fetch(`${server.url}/api/teams/${team}`)).status).toBe(200);
		expect((await fetch(`${server.url}/api/teams/${team}/pairing`)).status).toBe(200);
	});

	test('an empty space is erased by the first member who asks', async () => {
		const created = await post('/api/teams', { name: 'Nobody yet' });
		const team = ((await created.json()) as CreateTeamReply).id;
		const reply = await post(`/api/teams/${team}/erase`, { memberKey: memberKey() });
		expect(await reply.json()).toEqual({ erased: true });
		expect((await fetch(`${server.url}/api/teams/${team}`)).status).toBe(404);
	});

	test('a malformed agreement is 400 with its problem and changes nothing', async () => {
		const { team } = await usedSpace();
		const reply = await post(`/api/teams/${team}/erase`, { memberKey: 'short' });
		expect(reply.status).toBe(400);
		expect(((await reply.json()) as { problems: string[] }).problems[0]).toMatch(/^memberKey: /);
		expect((await fetch(`${server.url}/api/teams/${team}`)).status).toBe(200);
	});
});
