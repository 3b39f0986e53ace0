import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { PlaybookSummary } from '../../src/lib/protocol/playbook';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer } from '../support/server';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const custom = () => ({
	...structuredClone(findBuiltInPlaybook('five-minute-win')!),
	id: 'ignored-by-the-server',
	title: 'Stand-up Listening Check',
	author: 'Ada Lovelace'
});

describe.each([
	['embedded storage', () => undefined],
	['Redis storage', () => redis.url]
])('playbook API with %s', (_name, redisUrl) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({ redisUrl: redisUrl() });
	});
	afterAll(() => server.close());

	const post = (body: unknown) =>
		fetch(`${server.url}/api/playbooks`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});

	test('the list has the nine built-in playbooks, none marked community', async () => {
		const list = (await (await fetch(`${server.url}/api/playbooks`)).json()) as PlaybookSummary[];
		expect(list.filter((p) => !p.community)).toHaveLength(9);
	});

	test('a valid playbook is saved under its own id, listed as community, and can start rooms', async () => {
		const response = await post(custom());
		expect(response.status).toBe(201);
		const { id, url } = (await response.json()) as { id: string; url: string };
		expect(id).toMatch(/^stand-up-listening-check-[a-z0-9]{8}$/);
		expect(url).toBe(`${server.url}/p/${id}`);

		const saved = (await (await fetch(`${server.url}/api/playbooks/${id}`)).json()) as {
			author: string;
		};
		expect(saved.author).toBe('Ada Lovelace');
		const list = (await (await fetch(`${server.url}/api/playbooks`)).json()) as PlaybookSummary[];
		expect(list.find((p) => p.id === id)).toMatchObject({
			community: true,
			author: 'Ada Lovelace'
		});
		expect((await createRoom(server.url, id)).playbookId).toBe(id);
	});

	test('an invalid playbook gets 400 with every problem and saves nothing', async () => {
		const before = ((await (await fetch(`${server.url}/api/playbooks`)).json()) as unknown[])
			.length;
		const broken = custom();
		broken.phases[0]!.title = '';
		broken.phases[1]!.durationSec = 0;
		(broken as { minutes: unknown }).minutes = 'soon';
		const response = await post(broken);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: 'The playbook is not valid.',
			code: 'invalid_request',
			problems: [
				'minutes: must be a positive number',
				'phases[0].title: must not be empty',
				'phases[1].durationSec: must be a positive number'
			]
		});
		const after = ((await (await fetch(`${server.url}/api/playbooks`)).json()) as unknown[]).length;
		expect(after).toBe(before);
	});

	test('a playbook in German with a Spanish translation is saved whole and listed under both languages; a translation that does not follow the original is refused', async () => {
		const german = {
			...custom(),
			title: 'Zuhör-Check im Stand-up',
			language: 'de',
			translations: { es: { title: 'Escucha en la reunión diaria', phases: [{}, {}, {}] } }
		};
		const response = await post(german);
		expect(response.status).toBe(201);
		const { id } = (await response.json()) as { id: string };
		const saved = (await (await fetch(`${server.url}/api/playbooks/${id}`)).json()) as {
			language: string;
			translations: unknown;
		};
		expect(saved).toMatchObject({ language: 'de', translations: german.translations });
		const listed = async (query: string) =>
			((await (await fetch(`${server.url}/api/playbooks?${query}`)).json()) as PlaybookSummary[])
				.filter((summary) => summary.community)
				.map((summary) => summary.id);
		expect(await listed('lang=es&q=escucha+diaria')).toEqual([id]);
		expect(await listed('lang=de&q=Zuhör-Check')).toEqual([id]);
		expect(await listed('lang=en&q=Zuhör-Check')).toEqual([]);

		const refused = await post({ ...german, translations: { es: { phases: [{}] } } });
		expect(refused.status).toBe(400);
		expect(((await refused.json()) as { problems: string[] }).problems).toEqual([
			'translations.es.phases: has 1 entry, but the original has 3 entries; a translation follows the original entry by entry'
		]);
	});

	test('a language tag Intl cannot read is refused with a clear message, not stored to break its page', async () => {
		const response = await post({
			...custom(),
			language: 'de-de-de',
			translations: { 'zh-yue': { title: 'Stand-up' } }
		});
		expect(response.status).toBe(400);
		const unnamed =
			'must be a language tag browsers can name: "yue" rather than "zh-yue", each subtag once (not "de-de-de")';
		expect(((await response.json()) as { problems: string[] }).problems).toEqual([
			`language: ${unnamed}`,
			`translations.zh-yue: ${unnamed}`
		]);
	});

	test('a phase or role named like a property every object has is refused, as a participant is', async () => {
		const reserved = custom();
		reserved.phases[0]!.id = 'constructor';
		reserved.roles[0]!.id = 'constructor';
		const response = await post(reserved);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { problems: string[] }).problems).toEqual(
			expect.arrayContaining([
				'roles[0].id: must not be a reserved name',
				'phases[0].id: must not be a reserved name'
			])
		);
	});

	test('bodies that are not playbooks at all are refused with a message', async () => {
		for (const body of [null, 42, 'text', []]) {
			const response = await post(body);
			expect(response.status).toBe(400);
			expect(((await response.json()) as { problems: string[] }).problems.length).toBeGreaterThan(
				0
			);
		}
		expect((await fetch(`${server.url}/api/playbooks/no-such-playbook`)).status).toBe(404);
	});
});
