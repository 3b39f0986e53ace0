import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LatestReachCheck, reloadReachesServer } from './reload-reach';

/** A server that never answers: like a real fetch, it gives up only when its signal aborts. */
const neverAnswers = vi.fn(
	(_url: string | URL | Request, init?: RequestInit) =>
		new Promise<Response>((_resolve, reject) =>
			init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
		)
);
const answers = async () => new Response('ok');
/** What `promise` answers before the next turn of the event loop, or 'still waiting'. */
const atOnce = <T>(promise: Promise<T>) =>
	Promise.race([promise, new Promise((next) => setTimeout(next, 0)).then(() => 'still waiting')]);

beforeEach(() => vi.stubGlobal('navigator', { onLine: true }));
afterEach(() => {
	vi.unstubAllGlobals();
	neverAnswers.mockClear();
});

describe('reloadReachesServer', () => {
	test('a server that does not answer in time is out of reach', async () => {
		await expect(reloadReachesServer({ fetch: neverAnswers, timeoutMs: 10 })).resolves.toBe(false);
	});

	test('given the caller’s signal, the time still runs out; the caller calling it off ends it at once', async () => {
		const waiting = new AbortController();
		await expect(
			reloadReachesServer({ signal: waiting.signal, fetch: neverAnswers, timeoutMs: 10 })
		).resolves.toBe(false);
		expect(waiting.signal.aborted).toBe(false);

		const callingOff = new AbortController();
		const check = reloadReachesServer({
			signal: callingOff.signal,
			fetch: neverAnswers,
			timeoutMs: 60_000
		});
		callingOff.abort();
		// At once: answered before the next turn of the event loop, not when the minute runs out.
		expect(await atOnce(check)).toBe(false);
	});

	test('any answer reaches it; offline nothing is asked', async () => {
		await expect(reloadReachesServer({ fetch: answers })).resolves.toBe(true);
		vi.stubGlobal('navigator', { onLine: false });
		await expect(reloadReachesServer({ fetch: neverAnswers })).resolves.toBe(false);
		expect(neverAnswers).not.toHaveBeenCalled();
	});
});

describe('LatestReachCheck', () => {
	test('only the latest check answers: an earlier one still waiting is aborted and answers nothing', async () => {
		const asked: AbortSignal[] = [];
		const check = new LatestReachCheck((options) => {
			if (options.signal) asked.push(options.signal);
			return reloadReachesServer({ ...options, fetch: neverAnswers });
		});
		const first = check.run();
		const second = check.run();
		// The first check's own request is called off, not left to run out its time.
		expect(asked.map((signal) => signal.aborted)).toEqual([true, false]);
		await expect(first).resolves.toBeUndefined();
		check.cancel();
		expect(asked[1]?.aborted).toBe(true);
		await expect(second).resolves.toBeUndefined();
	});

	test('the latest check answers whether the server is reached', async () => {
		let fetchNow: typeof fetch = neverAnswers;
		const check = new LatestReachCheck((options) =>
			reloadReachesServer({ ...options, fetch: fetchNow })
		);
		const first = check.run();
		fetchNow = answers;
		await expect(check.run()).resolves.toBe(true);
		// Called off at once, not after the first check's time ran out.
		expect(await atOnce(first)).toBeUndefined();
	});
});
