// What the browser's callers of requestJson (saving and deleting playbooks, starting rooms) make
// of each kind of answer: none at all, a proxy's page, a refusal with a code.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { m } from '../paraglide/messages';
import { deletePlaybook, savePlaybook } from './playbook-author';
import { startRoom } from './start-room';

/** Answers every request with `answer`, as the server (or the network) would. */
function serverAnswering(answer: () => Promise<Response>): void {
	vi.stubGlobal('fetch', vi.fn(answer));
}

const json =
	(status: number, body: unknown, headers: Record<string, string> = {}) =>
	() =>
		Promise.resolve(
			new Response(JSON.stringify(body), {
				status,
				headers: { 'content-type': 'application/json', ...headers }
			})
		);
const noAnswer = () => Promise.reject(new TypeError('Failed to fetch'));
const proxyPage = () => Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 }));

/** A browser's storage, for the delete token kept after saving. */
function storage(): Map<string, string> {
	const stored = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => stored.get(key) ?? null,
		setItem: (key: string, value: string) => stored.set(key, value),
		removeItem: (key: string) => stored.delete(key)
	});
	return stored;
}

afterEach(() => vi.unstubAllGlobals());

describe('what saving a playbook says for each answer', () => {
	test('no answer at all: the draft is still here', async () => {
		serverAnswering(noAnswer);
		expect(await savePlaybook({})).toEqual({
			ok: false,
			title: m.pages_new_offline(),
			problems: []
		});
	});

	test('a proxy’s page, or a busy server with Retry-After: the save failed, no problems listed', async () => {
		serverAnswering(proxyPage);
		expect(await savePlaybook({})).toEqual({
			ok: false,
			title: m.pages_save_failed(),
			problems: []
		});
		serverAnswering(json(503, { error: 'Storage is unavailable.' }, { 'retry-after': '5' }));
		expect(await savePlaybook({})).toMatchObject({ ok: false, title: m.pages_save_failed() });
	});

	test('a refusal with a code is worded from the code, with its problems', async () => {
		serverAnswering(
			json(400, { error: 'Bad.', code: 'invalid_request', problems: ['title: required'] })
		);
		const answer = await savePlaybook({});
		expect(answer).toMatchObject({ ok: false, problems: ['title: required'] });
		expect(answer.ok || answer.title).not.toBe('Bad.');
	});

	test('a saved playbook keeps its delete token, which deleting uses and drops', async () => {
		const stored = storage();
		serverAnswering(json(201, { id: 'pb-1', url: '/p/pb-1', deleteToken: 'A'.repeat(22) }));
		expect(await savePlaybook({})).toEqual({ ok: true, id: 'pb-1' });
		expect([...stored.values()]).toEqual(['A'.repeat(22)]);
		serverAnswering(noAnswer);
		expect(await deletePlaybook('pb-1')).toBe(m.pages_offline());
		expect(stored.size).toBe(1);
		// Gone already is what was asked.
		serverAnswering(json(404, { error: 'No such playbook.' }));
		expect(await deletePlaybook('pb-1')).toBeUndefined();
		expect(stored.size).toBe(0);
	});
});

describe('what starting a room says for each answer', () => {
	test('no answer at all, a proxy’s page, and a worded refusal', async () => {
		serverAnswering(noAnswer);
		expect(await startRoom('x')).toEqual({ ok: false, message: m.pages_start_room_offline() });
		serverAnswering(proxyPage);
		expect(await startRoom('x')).toEqual({ ok: false, message: m.pages_start_room_failed() });
		serverAnswering(
			json(429, { error: 'Too many.', code: 'rate_limited' }, { 'retry-after': '60' })
		);
		const limited = await startRoom('x');
		expect(limited.ok).toBe(false);
		expect(limited.ok || limited.message).not.toMatch(/^(Too many\.|The server could not)/);
	});
});
