import { afterEach, describe, expect, test, vi } from 'vitest';
import * as z from 'zod/mini';
import { ANY_ANSWER, requestJson } from './json-request';

const replySchema = z.object({ id: z.string() });

/** Answers every request with `answer` and keeps what was asked. */
function serverAnswering(answer: () => Promise<Response>) {
	const asked: { url: string; init: RequestInit | undefined }[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn((url: string, init?: RequestInit) => {
			asked.push({ url, init });
			return answer();
		})
	);
	return asked;
}

const json = (status: number, body: unknown) =>
	Promise.resolve(
		new Response(JSON.stringify(body), {
			status,
			headers: { 'content-type': 'application/json' }
		})
	);

afterEach(() => vi.unstubAllGlobals());

describe('a JSON request to the API', () => {
	test('answers the body parsed with the caller’s schema, asked with a GET by default', async () => {
		const asked = serverAnswering(() => json(200, { id: 'room-1', extra: true }));
		expect(await requestJson('/api/x', replySchema)).toEqual({
			ok: true,
			status: 200,
			data: { id: 'room-1' }
		});
		expect(asked).toEqual([{ url: '/api/x', init: undefined }]);
	});

	test('sends JSON with its media type, and bytes as they are with theirs', async () => {
		const asked = serverAnswering(() => json(201, { id: 'made' }));
		await requestJson('/api/x', replySchema, { method: 'DELETE', json: { key: 'k' } });
		const clip = new Blob(['voice'], { type: 'audio/ogg; codecs=opus' });
		await requestJson('/api/clips', replySchema, {
			method: 'POST',
			bytes: clip,
			type: 'audio/ogg'
		});
		expect(asked.map(({ init }) => init)).toEqual([
			{
				method: 'DELETE',
				headers: { 'content-type': 'application/json' },
				body: '{"key":"k"}'
			},
			{ method: 'POST', headers: { 'content-type': 'audio/ogg' }, body: clip }
		]);
	});

	test('a refusal carries its status, the API problem and the body', async () => {
		const problem = { error: 'No such playbook.', code: 'unknown_playbook', problems: ['id'] };
		serverAnswering(() => json(400, problem));
		expect(await requestJson('/api/x', replySchema)).toEqual({
			ok: false,
			status: 400,
			problem,
			body: problem
		});
	});

	test('a refusal is no success even when its body fits the schema', async () => {
		serverAnswering(() => json(409, { id: 'room-1' }));
		expect(await requestJson('/api/x', replySchema)).toMatchObject({ ok: false, status: 409 });
	});

	test('a success whose body the schema refuses is no success, and has no problem', async () => {
		serverAnswering(() => json(200, { name: 'not an id' }));
		expect(await requestJson('/api/x', replySchema)).toEqual({
			ok: false,
			status: 200,
			problem: undefined,
			body: { name: 'not an id' }
		});
	});

	test('a proxy’s page instead of JSON is a refusal without a problem', async () => {
		serverAnswering(() => Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 })));
		expect(await requestJson('/api/x', replySchema)).toEqual({
			ok: false,
			status: 502,
			problem: undefined,
			body: undefined
		});
	});

	test('no answer at all is status 0, never a throw; a 204 passes where any answer does', async () => {
		serverAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
		expect(await requestJson('/api/x', replySchema)).toEqual({
			ok: false,
			status: 0,
			problem: undefined,
			body: undefined
		});
		serverAnswering(() => Promise.resolve(new Response(null, { status: 204 })));
		expect(await requestJson('/api/x', ANY_ANSWER, { method: 'DELETE', json: {} })).toEqual({
			ok: true,
			status: 204,
			data: undefined
		});
	});
});
