import type { Socket } from 'node:net';
import { tcpProxy } from './tcp-proxy';

/** Writes chunks to `to` each `delay()` ms after it arrived, in the order they arrived. */
function delayedPipe(to: Socket, delay: () => number) {
	let lastDue = 0;
	return (chunk: Buffer) => {
		// Never before an earlier chunk: the stream keeps its order.
		const due = Math.max(Date.now() + delay(), lastDue);
		lastDue = due;
		setTimeout(() => to.write(chunk), due - Date.now());
	};
}

/**
 * A TCP proxy in front of the Redis at `redisUrl` that answers slowly: every chunk either way
 * waits `delayMs`, and what a client sends can be held (the connection that sends something
 * `holdWhen` matches stops passing its commands on until {@link release}), as a Redis stalled
 * for one instance does. Point an instance's `REDIS_URL` at `url`.
 */
export async function slowProxy(redisUrl: string) {
	let delayMs = 0;
	let holdWhen: ((sent: string) => boolean) | undefined;
	/** How to let each held connection go on. */
	const held: (() => void)[] = [];
	const proxy = await tcpProxy(redisUrl, (socket, upstream) => {
		upstream.on(
			'data',
			delayedPipe(socket, () => delayMs)
		);
		const toRedis = delayedPipe(upstream, () => delayMs);
		let stalled: Buffer[] | undefined;
		socket.on('data', (chunk: Buffer) => {
			if (!stalled && holdWhen?.(chunk.toString('latin1'))) {
				holdWhen = undefined;
				const chunks: Buffer[] = [];
				stalled = chunks;
				held.push(() => {
					stalled = undefined;
					for (const waiting of chunks) toRedis(waiting);
				});
			}
			if (stalled) stalled.push(chunk);
			else toRedis(chunk);
		});
	});
	return {
		url: proxy.url,
		/** Every chunk from now on waits this long each way. */
		setDelay(ms: number) {
			delayMs = ms;
		},
		/** Holds the next connection that sends something `matches` accepts, from that chunk on. */
		holdWhen(matches: (sent: string) => boolean) {
			holdWhen = matches;
		},
		/** Whether a connection is held now. */
		holding: () => held.length > 0,
		/** Lets the held connections go on, in order. */
		release() {
			for (const go of held.splice(0)) go();
		},
		close: () => proxy.close()
	};
}
