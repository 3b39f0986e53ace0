import { randomBytes } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { playbooksCli } from '../../server/playbooks-cli';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { MAX_STORY_CHARS, type CircleReply, type CircleView } from '../../src/lib/protocol/circle';
import type { CreatePlaybookReply } from '../../src/lib/protocol/community';
import type { CreateTeamReply } from '../../src/lib/protocol/team';
import { cleanupsAfterEach } from '../support/cleanups';
import { sampleOf } from '../support/metrics';
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

/** A client of one server's circle API. */
function circleApi(url: string) {
	const post = (path: string, body: unknown) => postJson(url, path, body);
	return {
		post,
		async team(): Promise<CreateTeamReply> {
			const response = await post('/api/teams', { name: 'Support' });
			expect(response.status).toBe(201);
			return (await response.json()) as CreateTeamReply;
		},
		async view(id: string): Promise<CircleView> {
			const response = await fetch(`${url}/api/teams/${id}/circle`);
			expect(response.status).toBe(200);
			return (await response.json()) as CircleView;
		},
		add: (id: string, body: Record<string, unknown>) => post(`/api/teams/${id}/circle`, body),
		remove: (id: string, key: string, itemId: string) =>
			post(`/api/teams/${id}/circle/delete`, { memberKey: key, itemId })
	};
}

describe.each([
	['SQLite', () => startTestServer()],
	['Redis', () => startTestServer({ redisUrl: redis.url })]
])('circle API on %s', (_backend, start) => {
	let server: RunningServer;
	let api: ReturnType<typeof circleApi>;
	beforeAll(async () => {
		server = await start();
		api = circleApi(server.url);
	});
	afterAll(() => server.close());

	test('[T22] a highlight and a nomination show together to everyone; only the poster deletes theirs', async () => {
		const team = await api.team();
		const [ana, ben] = [memberKey(), memberKey()];
		const story = await api.add(team.id, {
			type: 'highlight',
			memberKey: ana,
			text: 'Thank you Ben for the calm handover',
			author: null
		});
		expect(story.status).toBe(201);
		const { itemId } = (await story.json()) as CircleReply;
		await api.add(team.id, {
			type: 'nomination',
			memberKey: ben,
			nominee: 'Cy',
			text: 'Ready to lead a round',
			author: 'Ben'
		});
		const view = await api.view(team.id);
		expect(view.posts).toEqual([
			expect.objectContaining({ type: 'nomination', nominee: 'Cy', author: 'Ben' }),
			expect.objectContaining({ type: 'highlight', author: null, id: itemId })
		]);
		expect(JSON.stringify(view)).not.toContain(ana);

		expect((await api.remove(team.id, ben, itemId)).status).toBe(404);
		expect((await api.view(team.id)).posts).toHaveLength(2);
		const removed = await api.remove(team.id, ana, itemId);
		expect(removed.status).toBe(200);
		expect(((await removed.json()) as CircleView).posts.map((p) => p.type)).toEqual(['nomination']);
	});

	test('[T21] "tried it" counts each member once; the first challenge proposed this month is next month’s', async () => {
		const team = await api.team();
		const [ana, ben] = [memberKey(), memberKey()];
		expect((await api.add(team.id, { type: 'tried', memberKey: ana })).status).toBe(201);
		const again = await api.add(team.id, { type: 'tried', memberKey: ana });
		expect(again.status).toBe(409);
		expect(await again.json()).toMatchObject({
			error: 'You have marked this month’s challenge already.',
			code: 'taken'
		});
		await api.add(team.id, { type: 'tried', memberKey: ben });
		expect((await api.view(team.id)).challenge).toMatchObject({ builtIn: true, tried: 2 });

		const proposal = { type: 'challenge', text: 'Ask one more question', author: 'Ana' };
		expect((await api.add(team.id, { ...proposal, memberKey: ana })).status).toBe(201);
		expect((await api.add(team.id, { ...proposal, memberKey: ben })).status).toBe(409);
		expect((await api.view(team.id)).nextChallenge).toEqual({
			text: 'Ask one more question',
			author: 'Ana'
		});
	});

	test('[T23] a shelf pick names a library playbook and shows who proposed it; each playbook once', async () => {
		const team = await api.team();
		const unknown = await api.add(team.id, {
			type: 'shelf',
			memberKey: memberKey(),
			playbookId: 'no-such-playbook',
			author: 'Ana'
		});
		expect(unknown.status).toBe(400);
		expect(await unknown.json()).toMatchObject({
			problems: ['playbookId: there is no playbook "no-such-playbook"']
		});
		const pick = { type: 'shelf', playbookId: 'five-minute-win', author: 'Ana' };
		expect((await api.add(team.id, { ...pick, memberKey: memberKey() })).status).toBe(201);
		expect((await api.add(team.id, { ...pick, memberKey: memberKey() })).status).toBe(409);
		expect((await api.view(team.id)).shelf).toEqual([
			expect.objectContaining({
				playbook: { id: 'five-minute-win', title: findBuiltInPlaybook('five-minute-win')?.title },
				author: 'Ana'
			})
		]);
	});

	test('[T20] bad input is refused with path: message problems and changes nothing', async () => {
		const team = await api.team();
		const long = await api.add(team.id, {
			type: 'highlight',
			memberKey: memberKey(),
			text: 'x'.repeat(MAX_STORY_CHARS + 1),
			author: ''
		});
		expect(long.status).toBe(400);
		expect(((await long.json()) as { problems: string[] }).problems).toEqual([
			`text: must be at most ${MAX_STORY_CHARS} characters`,
			'author: must not be empty'
		]);
		const noKey = await api.add(team.id, { type: 'tried', memberKey: 'short' });
		expect(noKey.status).toBe(400);
		const unknownTeam = await api.add(randomBytes(16).toString('base64url'), {
			type: 'tried',
			memberKey: memberKey()
		});
		expect(unknownTeam.status).toBe(404);
		expect(await api.view(team.id)).toMatchObject({
			posts: [],
			shelf: [],
			challenge: { tried: 0 }
		});
	});

	test('[T20] another site’s page cannot post to the circle or delete from it', async () => {
		const team = await api.team();
		const key = memberKey();
		const posted = (await (
			await api.add(team.id, { type: 'highlight', memberKey: key, text: 'Ours', author: null })
		).json()) as CircleReply;
		const fromElsewhere = (path: string, body: unknown) =>
			fetch(`${server.url}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
				body: JSON.stringify(body)
			});
		const circle = `/api/teams/${team.id}/circle`;
		const body = { type: 'highlight', memberKey: key, text: 'Theirs', author: null };
		expect((await fromElsewhere(circle, body)).status).toBe(403);
		const itemId = posted.itemId;
		expect((await fromElsewhere(`${circle}/delete`, { memberKey: key, itemId })).status).toBe(403);
		expect((await api.view(team.id)).posts.map((p) => p.text)).toEqual(['Ours']);
	});

	test('[T24] the feed of new playbooks is Atom at a stable URL and names a newly added playbook', async () => {
		const playbook = { ...findBuiltInPlaybook('five-minute-win')!, title: 'Feed <&> check' };
		const created = await api.post('/api/playbooks', playbook);
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as { id: string };

		const response = await fetch(`${server.url}/feeds/playbooks.atom`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const xml = await response.text();
		const parsed = new XMLParser({
			ignoreAttributes: false,
			isArray: (name) => name === 'entry'
		}).parse(xml) as {
			feed: {
				'@_xmlns': string;
				id: string;
				updated: string;
				entry: { title: string | { '#text': string }; id: string; updated: string }[];
			};
		};
		expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(parsed.feed.id).toBe(`${server.url}/feeds/playbooks.atom`);
		expect(Number.isNaN(Date.parse(parsed.feed.updated))).toBe(false);
		const entry = parsed.feed.entry.find((e) => e.id === `${server.url}/p/${id}`);
		const title = typeof entry?.title === 'string' ? entry.title : entry?.title['#text'];
		// The title is type="html": the text typed, escaped once, so a reader shows it as typed.
		expect(title).toBe('Feed &lt;&amp;&gt; check');
		expect(parsed.feed.entry.some((e) => e.id.endsWith('/p/five-minute-win'))).toBe(false);
	});
});

/** The ids of the entries in the Atom feed at `url`. */
async function feedIds(url: string): Promise<string[]> {
	const xml = await (await fetch(`${url}/feeds/playbooks.atom`)).text();
	const parsed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml) as {
		feed: { entry?: { id: string }[] };
	};
	return (parsed.feed.entry ?? []).map((entry) => entry.id);
}

describe.each([
	['SQLite', false],
	['Redis', true]
])('the circle and the community library on %s', (_backend, onRedis) => {
	test('[T23, T24] a playbook the operator hides leaves the feed and new this quarter; one its author deletes goes too', async () => {
		const dataDir = tempDir();
		const redisUrl = onRedis ? redis.url : undefined;
		const server = await startTestServer({ dataDir, redisUrl });
		cleanups.push(() => server.close());
		const api = circleApi(server.url);
		const team = await api.team();
		const saved = await api.post('/api/playbooks', {
			...findBuiltInPlaybook('five-minute-win')!,
			title: `Circle shelf ${randomBytes(4).toString('hex')}`
		});
		expect(saved.status).toBe(201);
		const { id, deleteToken } = (await saved.json()) as CreatePlaybookReply;
		const entry = `${server.url}/p/${id}`;
		const listed = async () => ({
			feed: (await feedIds(server.url)).includes(entry),
			quarter: (await api.view(team.id)).newThisQuarter.some((p) => p.id === id)
		});
		expect(await listed()).toEqual({ feed: true, quarter: true });

		const operator = { DATA_DIR: dataDir, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' };
		expect((await playbooksCli(['hide', id], operator)).code).toBe(0);
		expect(await listed()).toEqual({ feed: false, quarter: false });
		expect((await playbooksCli(['show', id], operator)).code).toBe(0);
		expect(await listed()).toEqual({ feed: true, quarter: true });

		const deleted = await fetch(`${server.url}/api/playbooks/${id}`, {
			method: 'DELETE',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ deleteToken })
		});
		expect(deleted.status).toBe(204);
		expect(await listed()).toEqual({ feed: false, quarter: false });
	});
});

describe.each([
	['SQLite', false],
	['Redis', true]
])('a large library on %s', (_backend, onRedis) => {
	test('[T23] the circle reads a bounded part of the library: new this quarter lists the 50 newest, an older shelf pick still shows', async () => {
		const server = await startTestServer({
			redisUrl: onRedis ? redis.url : undefined,
			env: { PLAYBOOKS_PER_ADDRESS_PER_HOUR: '1000' }
		});
		cleanups.push(() => server.close());
		const api = circleApi(server.url);
		const team = await api.team();
		const save = async (title: string) => {
			const saved = await api.post('/api/playbooks', {
				...findBuiltInPlaybook('five-minute-win')!,
				title
			});
			expect(saved.status).toBe(201);
			return ((await saved.json()) as CreatePlaybookReply).id;
		};
		const tag = randomBytes(4).toString('hex');
		const picked = await save(`Shelf pick ${tag}`);
		const pick = { type: 'shelf', memberKey: randomBytes(16).toString('base64url') };
		const added = await api.add(team.id, { ...pick, playbookId: picked, author: 'Ana' });
		expect(added.status).toBe(201);
		let newest = '';
		for (let n = 0; n < 55; n++) newest = await save(`Newer ${tag} ${n}`);

		const view = await api.view(team.id);
		expect(view.newThisQuarter.length).toBeLessThanOrEqual(50);
		expect(view.newThisQuarter.map((p) => p.id)).toContain(newest);
		expect(new Set(view.newThisQuarter.map((p) => p.id)).size).toBe(view.newThisQuarter.length);
		expect(view.shelf.map((item) => item.playbook.id)).toEqual([picked]);
	});
});

describe('circle writes per address (LC1)', () => {
	test('[LC1] over the limit a post gets 429, is counted as circle_writes and changes nothing', async () => {
		const server = await startServer(
			loadConfig({
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: tempDir(),
				CIRCLE_WRITES_PER_ADDRESS_PER_HOUR: '1',
				LOG_LEVEL: 'silent'
			})
		);
		cleanups.push(() => server.close());
		const api = circleApi(server.url);
		const team = await api.team();
		expect((await api.add(team.id, { type: 'tried', memberKey: memberKey() })).status).toBe(201);
		const refused = await api.add(team.id, { type: 'tried', memberKey: memberKey() });
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await api.view(team.id)).challenge.tried).toBe(1);
		expect(
			await sampleOf(server.url, 'practice_room_refused_requests_total{reason="circle_writes"}')
		).toBe(1);
	});
});
