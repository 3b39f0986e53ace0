import { getConnectionBack } from './connection-back-context';
import type { ReachOptions } from './reload-reach';

/**
 * Listens for the server coming back within reach after a check found it out of reach: calls
 * `onBack` when it does, and answers how to stop listening. Only real signals, never a timer.
 * `now`: the server may be back already, unheard (listening passed here from a page that went),
 * so a signal that can check does so at once too.
 */
export type BackSignal = (onBack: () => void, options?: { now?: boolean }) => () => void;

/**
 * Back when the page's own connection (a room's sockets, which reconnect by themselves) is
 * `live` again after being down since listening began. Live all along says nothing: a socket
 * may not have noticed yet what the failed check found.
 */
export function liveAgain(live: () => boolean): BackSignal {
	return (onBack) => {
		let down = false;
		return $effect.root(() => {
			$effect(() => {
				if (!live()) down = true;
				else if (down) {
					down = false;
					onBack();
				}
			});
		});
	};
}

/**
 * Back when the browser says it is online again (`target`'s `online`, the window's unless given)
 * and one check then reaches the server; a check that does not waits for the next `online`.
 * With `now`, one check at once as well. Stopping calls off a check under way.
 */
export function onlineConfirmed(
	reaches: (options: ReachOptions) => Promise<boolean>,
	target?: EventTarget
): BackSignal {
	return (onBack, options) => {
		const listening = new AbortController();
		const { signal } = listening;
		const check = () =>
			void reaches({ signal }).then((reached) => {
				if (reached && !signal.aborted) onBack();
			});
		(target ?? window).addEventListener('online', check, { signal });
		if (options?.now) check();
		return () => listening.abort();
	};
}

/**
 * Where the header learns that the server is back: from the page's own connection while the page
 * provides one (a room's), else from `fallback`. The layout makes it, above every page.
 */
export class ConnectionBack {
	#page = $state.raw<BackSignal | undefined>();

	constructor(private readonly fallback: BackSignal) {}

	/**
	 * Listens with the signal the page gives now, and with the next one when the page changes.
	 * Passed from a page's signal to the fallback, it checks at once: the browser's `online` may
	 * have come while the page listened, and will not come again.
	 */
	listen(onBack: () => void): () => void {
		let fromPage = false;
		return $effect.root(() => {
			$effect(() => {
				const page = this.#page;
				if (page) {
					fromPage = true;
					return page(onBack);
				}
				const now = fromPage;
				fromPage = false;
				return this.fallback(onBack, { now });
			});
		});
	}

	/** Makes `signal` the page's until the answered function takes it back. */
	provide(signal: BackSignal): () => void {
		this.#page = signal;
		return () => {
			if (this.#page === signal) this.#page = undefined;
		};
	}
}

/**
 * Gives the layout this page's own signal for as long as the page is shown and `signal` answers
 * one (undefined: a connection that will not come back, the layout's fallback then). Call it
 * while the page initialises.
 */
export function provideConnectionBack(signal: () => BackSignal | undefined): void {
	const back = getConnectionBack();
	$effect(() => {
		const given = signal();
		if (given) return back.provide(given);
	});
}
