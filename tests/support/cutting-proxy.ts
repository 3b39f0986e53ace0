import { connectRedis } from '../../server/redis/connect';
import { tcpProxy } from './tcp-proxy';

/**
 * A TCP proxy in front of the Redis at `redisUrl` that cuts connections as a network failure
 * does, with a client connected through it. A cut triggered by what a client sends happens before
 * Redis sees it, so the client has that command in flight when its socket drops (`CLIENT KILL`
 * would race the command).
 */
export async function cuttingProxy(redisUrl: string) {
	const cuts: ((sent: string) => boolean)[] = [];
	let refusing = false;
	let accepted = 0;
	const proxy = await tcpProxy(
		redisUrl,
		(socket, upstream, cut) => {
			accepted++;
			upstream.on('data', (chunk: Buffer) => socket.write(chunk));
			socket.on('data', (chunk: Buffer) => {
				const matching = cuts.findIndex((matches) => matches(chunk.toString('latin1')));
				if (matching === -1) return void upstream.write(chunk);
				cuts.splice(matching, 1);
				cut();
			});
		},
		() => !refusing
	);
	const proxied = await connectRedis(proxy.url, 'fanout-proxied');
	return {
		client: proxied,
		/** Connections accepted so far (a reconnect is one more). */
		accepted: () => accepted,
		/** Cuts, once, the connection that next sends something `matches` accepts. */
		cutWhen(matches: (sent: string) => boolean) {
			cuts.push(matches);
		},
		/** Cuts every connection and refuses new ones until {@link restore}. */
		outage() {
			refusing = true;
			proxy.cutAll();
		},
		restore() {
			refusing = false;
		},
		async close() {
			await proxied.close();
			await proxy.close();
		}
	};
}

/** Matches the command `name` (as node-redis sends it) naming `channel`. */
export const sends = (name: string, channel: string) => (sent: string) =>
	sent.toLowerCase().includes(`\r\n${name}\r\n`) && sent.includes(channel);
