import { connect, createServer, type Socket } from 'node:net';
import { connectRedis } from '../../server/redis/connect';

/**
 * A TCP proxy in front of the Redis at `redisUrl` that cuts connections as a network failure
 * does, with a client connected through it. A cut triggered by what a client sends happens before
 * Redis sees it, so the client has that command in flight when its socket drops (`CLIENT KILL`
 * would race the command).
 */
export async function cuttingProxy(redisUrl: string) {
	const { hostname, port } = new URL(redisUrl);
	const cuts: ((sent: string) => boolean)[] = [];
	const open = new Set<Socket>();
	let refusing = false;
	let accepted = 0;
	const server = createServer((socket) => {
		if (refusing) return void socket.destroy();
		accepted++;
		const upstream = connect(Number(port), hostname);
		const cut = () => {
			for (const end of [socket, upstream]) {
				end.destroy();
				open.delete(end);
			}
		};
		for (const end of [socket, upstream]) open.add(end.on('error', cut).on('close', cut));
		upstream.on('data', (chunk: Buffer) => socket.write(chunk));
		socket.on('data', (chunk: Buffer) => {
			const matching = cuts.findIndex((matches) => matches(chunk.toString('latin1')));
			if (matching === -1) return void upstream.write(chunk);
			cuts.splice(matching, 1);
			cut();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const url = `redis://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const proxied = await connectRedis(url, 'fanout-proxied');
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
			for (const end of open) end.destroy();
		},
		restore() {
			refusing = false;
		},
		async close() {
			await proxied.close();
			for (const end of open) end.destroy();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}

/** Matches the command `name` (as node-redis sends it) naming `channel`. */
export const sends = (name: string, channel: string) => (sent: string) =>
	sent.toLowerCase().includes(`\r\n${name}\r\n`) && sent.includes(channel);
