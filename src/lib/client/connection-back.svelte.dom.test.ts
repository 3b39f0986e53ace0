import { flushSync } from 'svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { heldBackSignal } from './connection-back.fixture';
import { ConnectionBack, liveAgain, onlineConfirmed } from './connection-back.svelte';
import type { ReachOptions } from './reload-reach';

let live = $state(true);
const stops: (() => void)[] = [];

/** Listens as a component would, stopped after the test. */
function listen(signal: (onBack: () => void) => () => void, onBack: () => void): () => void {
	const stop = signal(onBack);
	stops.push(stop);
	flushSync();
	return stop;
}

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	live = true;
});

describe('liveAgain: the page’s own connection', () => {
	test('live all along says nothing: only a connection that was down and is live again is back', () => {
		const onBack = vi.fn();
		listen(
			liveAgain(() => live),
			onBack
		);
		expect(onBack).not.toHaveBeenCalled();
		live = false;
		flushSync();
		expect(onBack).not.toHaveBeenCalled();
		live = true;
		flushSync();
		expect(onBack).toHaveBeenCalledOnce();
	});

	test('down when listening began, its return is back; each return says so once', () => {
		live = false;
		const onBack = vi.fn();
		listen(
			liveAgain(() => live),
			onBack
		);
		live = true;
		flushSync();
		live = false;
		flushSync();
		live = true;
		flushSync();
		expect(onBack).toHaveBeenCalledTimes(2);
	});

	test('once stopped, a return goes unheard', () => {
		live = false;
		const onBack = vi.fn();
		const stop = listen(
			liveAgain(() => live),
			onBack
		);
		stop();
		live = true;
		flushSync();
		expect(onBack).not.toHaveBeenCalled();
	});
});

describe('onlineConfirmed: the browser’s word, checked once', () => {
	/**
	 * Listens to a browser of the test's (`online()` says it is online again), whose checks are
	 * answered when the test says (`asked[i].answer`).
	 */
	function listenOnline() {
		const browser = new EventTarget();
		const asked: { signal?: AbortSignal; answer: (reached: boolean) => void }[] = [];
		const reaches = (options: ReachOptions) =>
			new Promise<boolean>((answer) => asked.push({ signal: options.signal, answer }));
		const onBack = vi.fn();
		const stop = listen(onlineConfirmed(reaches, browser), onBack);
		const online = () => browser.dispatchEvent(new Event('online'));
		return { online, asked, onBack, stop };
	}

	test('nothing is asked until the browser is online again; then one check that reaches the server is back', async () => {
		const { online, asked, onBack } = listenOnline();
		expect(asked).toHaveLength(0);
		online();
		expect(asked).toHaveLength(1);
		asked[0]?.answer(true);
		await vi.waitFor(() => expect(onBack).toHaveBeenCalledOnce());
	});

	test('a check that does not reach the server is not back: the next online checks again', async () => {
		const { online, asked, onBack } = listenOnline();
		online();
		asked[0]?.answer(false);
		await new Promise((settled) => setTimeout(settled, 0));
		expect(onBack).not.toHaveBeenCalled();
		online();
		expect(asked).toHaveLength(2);
		asked[1]?.answer(true);
		await vi.waitFor(() => expect(onBack).toHaveBeenCalledOnce());
	});

	test('with `now`, one check at once: the server may be back already, unheard', async () => {
		const browser = new EventTarget();
		const reaches = vi.fn((options: ReachOptions) => Promise.resolve(!options.signal?.aborted));
		const onBack = vi.fn();
		listen((heard) => onlineConfirmed(reaches, browser)(heard, { now: true }), onBack);
		expect(reaches).toHaveBeenCalledOnce();
		await vi.waitFor(() => expect(onBack).toHaveBeenCalledOnce());
	});

	test('stopping calls off the check under way, and a later online asks nothing', async () => {
		const { online, asked, onBack, stop } = listenOnline();
		online();
		stop();
		expect(asked[0]?.signal?.aborted).toBe(true);
		asked[0]?.answer(true);
		online();
		await new Promise((settled) => setTimeout(settled, 0));
		expect(asked).toHaveLength(1);
		expect(onBack).not.toHaveBeenCalled();
	});
});

describe('ConnectionBack: the page’s signal, else the fallback', () => {
	test('a page’s signal is listened to while given; taken back, the fallback again', () => {
		const fallback = heldBackSignal();
		const room = heldBackSignal();
		const back = new ConnectionBack(fallback.signal);
		const onBack = vi.fn();

		const takeBack = back.provide(room.signal);
		listen((heard) => back.listen(heard), onBack);
		expect([fallback.listening.size, room.listening.size]).toEqual([0, 1]);
		room.back();
		expect(onBack).toHaveBeenCalledOnce();

		// The page goes while its connection was still down: listening passes to the fallback,
		// which checks at once (the browser's `online` may have come, heard by the page only).
		takeBack();
		flushSync();
		expect([fallback.listening.size, room.listening.size]).toEqual([1, 0]);
		expect(fallback.checkedNow).toEqual([true]);
	});

	test('listening that begins with no page’s signal does not check at once', () => {
		const fallback = heldBackSignal();
		listen((heard) => new ConnectionBack(fallback.signal).listen(heard), vi.fn());
		expect(fallback.checkedNow).toEqual([false]);
	});

	test('taking back a page’s signal another page replaced keeps the other’s', () => {
		const fallback = heldBackSignal();
		const leaving = heldBackSignal();
		const arriving = heldBackSignal();
		const back = new ConnectionBack(fallback.signal);
		const takeBack = back.provide(leaving.signal);
		back.provide(arriving.signal);
		takeBack();
		listen((heard) => back.listen(heard), vi.fn());
		expect(arriving.listening.size).toBe(1);
	});
});
