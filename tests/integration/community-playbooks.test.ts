import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { isRedirect } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { playbooksCli } from '../../server/playbooks-cli';
import type { PlaybookStore } from '../../server/playbooks/playbook-store';
import { createRedisPlaybookStore } from '../../server/playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from '../../server/playbooks/sqlite-playbook-store';
import { connectRedis, type RedisClient } from '../../server/redis/connect';
import { inTransaction, openSqlite } from '../../server/storage/sqlite';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { COMMUNITY_WORDS, type CreatePlaybookReply } from '../../src/lib/protocol/community';
import type { Playbook, PlaybookSummary } from '../../src/lib/protocol/playbook';
import { load as loadLibraryPage } from '../../src/routes/+page.server';
import { startRedis, type TestRedis } from '../support/redis-server';
import { seedPlaybooks } from '../support/seed-playbooks';
import { startTestServer, tempDir, type TestServerOptions } from '../support/server';
import { sampleOf } from '../support/metrics';
import { waitFor } from '../support/wait';

let redis: TestRedis;
let client: RedisClient;
beforeAll(async () => {
	redis = await startRedis();
	client = await connectRedis(redis.url, 'community-tests');
});
afterAll(async () => {
	await client.close();
	await redis.stop();
});

const BUILT_IN_COUNT = 9;

let counter = 0;
/** A valid community playbook as a person would send it. */
const custom = (title = `Flood ${++counter}`): Playbook => ({
	...structuredClone(findBuiltInPlaybook('five-minute-win')!),
	id: 'ignored-by-the-server',
	title,
	author: 'Mallory'
});

const running: RunningServer[] = [];
afterEach(async () => {
	await Promise.all(running.splice(0).map((server) => server.close()));
});

function api(server: RunningServer) {
	const send = (method: string, path: string, body?: unknown) =>
		fetch(`${server.url}${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	return {
		url: server.url,
		save: (playbook: unknown = custom()) => send('POST', '/api/playbooks', playbook),
		remove: (id: string, body: unknown) => send('DELETE', `/api/playbooks/${id}`, body),
		get: (id: string) => fetch(`${server.url}/api/playbooks/${id}`),
		list: async (query = '') =>
			(await (await fetch(`${server.url}/api/playbooks${query}`)).json()) as PlaybookSummary[]
	};
}

describe.each([
	['embedded storage', false],
	['Redis storage', true]
])('community playbooks with %s', (_name, onRedis) => {
	const dataDir = () => tempDir();
	const emptyRedis = async () => {
		const keys = await client.keys('pr:playbooks*');
		if (keys.length > 0) await client.del(keys);
	};
	/** A server on fresh storage (a new data folder, or a Redis without playbooks), or on `dir`. */
	async function start(env: TestServerOptions['env'] = {}, dir?: string) {
		if (onRedis && dir === undefined) await emptyRedis();
		dir ??= dataDir();
		const server = await startTestServer({
			dataDir: dir,
			redisUrl: onRedis ? redis.url : undefined,
			env
		});
		running.push(server);
		return { server, api: api(server), dir };
	}
	/** The environment the operator's command runs in: the server's storage. */
	const operatorEnv = (dir: string) => ({
		DATA_DIR: dir,
		REDIS_URL: onRedis ? redis.url : undefined,
		LOG_LEVEL: 'silent'
	});

	test('[C1] a flood from one address is refused with 429 and Retry-After past the quota; invalid ones do not count', async () => {
		const { api: flood } = await start({ PLAYBOOKS_PER_ADDRESS_PER_HOUR: '3' });
		const invalid = { ...custom(), minutes: 'soon' };
		for (let i = 0; i < 5; i++) expect((await flood.save(invalid)).status).toBe(400);
		for (let i = 0; i < 3; i++) expect((await flood.save()).status).toBe(201);
		const refused = await flood.save();
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(((await refused.json()) as { error: string }).error).toBe(COMMUNITY_WORDS.tooMany);
		expect((await flood.list()).filter((p) => p.community)).toHaveLength(3);
		expect(
			await sampleOf(flood.url, 'practice_room_refused_requests_total{reason="playbook_saves"}')
		).toBe(1);
	});

	test('[C2] past COMMUNITY_PLAYBOOKS_MAX saving answers 507 with a plain message and stores nothing', async () => {
		const { api: full } = await start({ COMMUNITY_PLAYBOOKS_MAX: '2' });
		expect((await full.save()).status).toBe(201);
		expect((await full.save()).status).toBe(201);
		const refused = await full.save(custom('One too many'));
		expect(refused.status).toBe(507);
		expect(await refused.json()).toEqual({ error: COMMUNITY_WORDS.full, code: 'community_full' });
		const titles = (await full.list()).map((p) => p.title);
		expect(titles).toHaveLength(BUILT_IN_COUNT + 2);
		expect(titles).not.toContain('One too many');
		expect(
			await sampleOf(full.url, 'practice_room_refused_requests_total{reason="playbook_cap"}')
		).toBe(1);
	});

	test('[C3] the author deletes with the token from the save; no token, a wrong one or a built-in are refused', async () => {
		const { api: author } = await start();
		const saved = (await (await author.save(custom('Mine'))).json()) as CreatePlaybookReply;
		expect(saved.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const other = (await (await author.save(custom('Theirs'))).json()) as CreatePlaybookReply;

		expect((await author.remove(saved.id, {})).status).toBe(400);
		const wrong = await author.remove(saved.id, { deleteToken: other.deleteToken });
		expect(wrong.status).toBe(403);
		expect(await wrong.json()).toEqual({ error: COMMUNITY_WORDS.wrongToken, code: 'wrong_token' });
		expect((await author.get(saved.id)).status).toBe(200);
		expect(
			(await author.remove('five-minute-win', { deleteToken: saved.deleteToken })).status
		).toBe(404);

		expect((await author.remove(saved.id, { deleteToken: saved.deleteToken })).status).toBe(204);
		expect((await author.get(saved.id)).status).toBe(404);
		const titles = (await author.list()).map((p) => p.title);
		expect(titles).toContain('Theirs');
		expect(titles).not.toContain('Mine');
		expect((await author.remove(saved.id, { deleteToken: saved.deleteToken })).status).toBe(404);
	});

	test('[C3] a delete from another site’s page, or not sent as JSON, is refused before the token is read', async () => {
		const { api: author } = await start();
		const saved = (await (await author.save(custom('Mine'))).json()) as CreatePlaybookReply;
		const body = JSON.stringify({ deleteToken: saved.deleteToken });
		const foreign = await fetch(`${author.url}/api/playbooks/${saved.id}`, {
			method: 'DELETE',
			headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
			body
		});
		expect(foreign.status).toBe(403);
		const plain = await fetch(`${author.url}/api/playbooks/${saved.id}`, {
			method: 'DELETE',
			headers: { 'content-type': 'text/plain' },
			body
		});
		expect(plain.status).toBe(415);
		expect((await author.get(saved.id)).status).toBe(200);
	});

	test('[C4] the operator hides a playbook with npm run playbooks while the server runs (no page, no room), finds it among the hidden, shows it again and deletes it', async () => {
		const { server, api: library, dir } = await start();
		const { id } = (await (await library.save(custom('Abusive'))).json()) as CreatePlaybookReply;
		const hide = await playbooksCli(['hide', id], operatorEnv(dir));
		expect(hide).toEqual({ code: 0, output: `Hid ${id}: it is no longer listed or served.` });
		expect((await library.get(id)).status).toBe(404);
		expect((await library.list()).map((p) => p.id)).not.toContain(id);
		const room = await fetch(`${server.url}/api/rooms`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ playbookId: id })
		});
		expect(room.status).toBe(400);

		// The cap counts hidden ones too (C2), so the operator can see and find them to delete.
		expect(await playbooksCli(['count'], operatorEnv(dir))).toEqual({
			code: 0,
			output: '0 community playbooks are listed and 1 hidden; COMMUNITY_PLAYBOOKS_MAX counts both.'
		});
		expect(await playbooksCli(['hidden'], operatorEnv(dir))).toEqual({ code: 0, output: id });

		expect((await playbooksCli(['show', id], operatorEnv(dir))).code).toBe(0);
		expect((await library.get(id)).status).toBe(200);
		expect((await playbooksCli(['delete', id], operatorEnv(dir))).code).toBe(0);
		expect((await library.get(id)).status).toBe(404);
		expect((await playbooksCli(['hide', id], operatorEnv(dir))).code).toBe(1);
		expect((await playbooksCli(['drop'], operatorEnv(dir))).code).toBe(2);
	});

	/** 10,000 community playbooks, one of them "The needle" near the oldest. */
	const seed = (store: PlaybookStore) =>
		seedPlaybooks(store, 10_000, (index) => (index === 17 ? 'The needle' : `Seeded ${index}`));

	test('[C5] with 10,000 stored the library answers one small page, and the home page loads a page of them', async () => {
		const dir = dataDir();
		if (onRedis) {
			await emptyRedis();
			await seed(createRedisPlaybookStore(client));
		} else {
			const db = openSqlite(dir);
			inTransaction(db, () => void seed(createSqlitePlaybookStore(db)));
			db.close();
		}
		const { server, api: library } = await start({}, dir);

		const response = await fetch(`${server.url}/api/playbooks`);
		const body = await response.text();
		const page = JSON.parse(body) as PlaybookSummary[];
		expect(page).toHaveLength(100);
		expect(page[BUILT_IN_COUNT]?.title).toBe('Seeded 9999');
		expect(body.length).toBeLessThan(100 * 1024);
		expect(response.headers.get('link')).toBe('</api/playbooks?offset=100&limit=100>; rel="next"');
		// The oldest one is on the last page, found without reading the others.
		expect((await library.list('?offset=10008&limit=5')).map((p) => p.title)).toEqual(['Seeded 0']);

		// reason: the page's load reads only `url`; the rest of SvelteKit's event is not needed.
		const event = { url: new URL(`${server.url}/?page=2`) } as Parameters<
			typeof loadLibraryPage
		>[0];
		const home = (await loadLibraryPage(event)) as Awaited<ReturnType<typeof loadLibraryPage>> & {
			playbooks: PlaybookSummary[];
			total: number;
			hasMore: boolean;
		};
		expect(home.playbooks).toHaveLength(24);
		expect(home.total).toBe(BUILT_IN_COUNT + 10_000);
		expect(home.hasMore).toBe(true);
		expect(JSON.stringify(home).length).toBeLessThan(40 * 1024);
		// A search reads summaries until it finds its match, however far down.
		const needle = new URL(`${server.url}/?q=needle`);
		const found = (await loadLibraryPage({ url: needle } as typeof event)) as typeof home;
		expect(found.playbooks.map((p) => p.title)).toEqual(['The needle']);

		// Those two are their views' own addresses and load; any other address of a view (the
		// filter form sent before the page's script runs names every field) answers 307 to it.
		const redirectOf = async (query: string) => {
			try {
				await loadLibraryPage({ url: new URL(`${server.url}/${query}`) } as typeof event);
			} catch (error) {
				if (isRedirect(error)) return { status: error.status, location: error.location };
				throw error;
			}
			return undefined;
		};
		expect(await redirectOf('?q=&skill=&time=&difficulty=&people=&lang=')).toEqual({
			status: 307,
			location: '/'
		});
		expect(await redirectOf('?page=1')).toEqual({ status: 307, location: '/' });
		expect(await redirectOf('?page=10001')).toEqual({ status: 307, location: '/' });
		expect(await redirectOf('?x=1&utm_source=mail')).toEqual({ status: 307, location: '/' });
		expect(await redirectOf('?time=15&skill=listening&q=%20a%20b%20')).toEqual({
			status: 307,
			location: '/?q=a+b&skill=listening&time=15'
		});
		expect(await redirectOf('')).toBeUndefined();
	}, 60_000);
});

test('[C6] COMMUNITY_PLAYBOOKS=off refuses saving with 403 and a plain message; the library still answers', async () => {
	const server = await startTestServer({ env: { COMMUNITY_PLAYBOOKS: 'off' } });
	running.push(server);
	const off = api(server);
	const refused = await off.save();
	expect(refused.status).toBe(403);
	expect(await refused.json()).toEqual({ error: COMMUNITY_WORDS.off, code: 'community_off' });
	expect(await off.list()).toHaveLength(BUILT_IN_COUNT);
});

test('[C5] the library pages by offset and limit, links the next page and refuses malformed paging', async () => {
	const server = await startTestServer();
	running.push(server);
	const library = api(server);
	for (let i = 0; i < 3; i++) await library.save(custom(`Paged ${i}`));
	const first = await fetch(`${server.url}/api/playbooks?limit=2&skill=listening`);
	expect(first.headers.get('link')).toBe(
		'</api/playbooks?skill=listening&offset=2&limit=2>; rel="next"'
	);
	expect((await library.list('?offset=9&limit=2')).map((p) => p.title)).toEqual([
		'Paged 2',
		'Paged 1'
	]);
	const last = await fetch(`${server.url}/api/playbooks?offset=11&limit=10`);
	expect(last.headers.get('link')).toBeNull();
	expect(((await last.json()) as PlaybookSummary[]).map((p) => p.title)).toEqual(['Paged 0']);
	for (const query of ['limit=0', 'limit=501', 'offset=-1', 'limit=ten']) {
		const refused = await fetch(`${server.url}/api/playbooks?${query}`);
		expect(refused.status).toBe(400);
	}
});

test('an embedded database from before summaries opens, gains their summaries in the background, and lists and serves its playbooks', async () => {
	const dir = tempDir();
	const old = new DatabaseSync(join(dir, 'practice-room.sqlite'));
	old.exec(
		'CREATE TABLE playbooks (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL)'
	);
	const legacy = { ...custom('From last year'), id: 'from-last-year-abc123' };
	old
		.prepare('INSERT INTO playbooks (id, body, created_at) VALUES (?, ?, ?)')
		.run(legacy.id, JSON.stringify(legacy), 1);
	old.close();

	const server = await startTestServer({ dataDir: dir });
	running.push(server);
	// The server writes its summary in the background, before anyone lists the library.
	const reader = new DatabaseSync(join(dir, 'practice-room.sqlite'), { readOnly: true });
	const summaryOf = () =>
		reader.prepare('SELECT summary FROM playbooks WHERE id = ?').get(legacy.id)?.summary;
	await waitFor(() => typeof summaryOf() === 'string', 'the summary to be written');
	reader.close();
	const library = api(server);
	expect((await library.list()).find((p) => p.id === legacy.id)).toMatchObject({
		title: 'From last year',
		community: true
	});
	expect((await library.get(legacy.id)).status).toBe(200);
	// Saved before delete tokens: only the operator can remove it.
	expect((await library.remove(legacy.id, { deleteToken: 'a'.repeat(43) })).status).toBe(403);
});
