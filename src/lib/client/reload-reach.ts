/** How long a check waits for the server: one that does not answer in time is out of reach. */
export const REACH_TIMEOUT_MS = 4_000;

export interface ReachOptions {
	/**
	 * Ends the check early (a later choice replaced it, or nothing waits for it any more): it then
	 * answers out of reach.
	 */
	signal?: AbortSignal;
	/** The fetch to ask with (tests give one that never answers). */
	fetch?: typeof fetch;
	timeoutMs?: number;
}

/**
 * Whether reloading this page would reach the server now. Offline, or with the server out of
 * reach, the browser would swap the page (a room, with what it shows) for its own error page.
 * Any answer from `/healthz` will do: an error status is still a page of this app. No answer
 * within `timeoutMs` counts as out of reach: a hung check must not reload the page much later.
 */
export async function reloadReachesServer({
	signal,
	fetch: ask = globalThis.fetch,
	timeoutMs = REACH_TIMEOUT_MS
}: ReachOptions = {}): Promise<boolean> {
	if (!navigator.onLine) return false;
	const timeout = AbortSignal.timeout(timeoutMs);
	try {
		await ask('/healthz', {
			cache: 'no-store',
			signal: signal ? AbortSignal.any([signal, timeout]) : timeout
		});
		return true;
	} catch {
		return false;
	}
}

/**
 * Checks of which only the latest counts (someone choosing again while a check is under way):
 * starting one, or `cancel`, aborts the one before, which then answers `undefined`.
 */
export class LatestReachCheck {
	#latest: AbortController | undefined;

	constructor(private readonly check: (options: ReachOptions) => Promise<boolean>) {}

	cancel(): void {
		this.#latest?.abort();
	}

	async run(): Promise<boolean | undefined> {
		this.cancel();
		const controller = new AbortController();
		this.#latest = controller;
		const reaches = await this.check({ signal: controller.signal });
		return controller.signal.aborted ? undefined : reaches;
	}
}
