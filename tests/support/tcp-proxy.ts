import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on a free local port in front of the server at `targetUrl` (`redis://host:port`):
 * each accepted connection gets its own connection to the target, both ends close together, and
 * `relay` decides how bytes pass between them. `admit` may refuse a connection as it arrives.
 */
export async function tcpProxy(
	targetUrl: string,
	relay: (client: Socket, upstream: Socket, close: () => void) => void,
	admit: () => boolean = () => true
) {
	const { hostname, port } = new URL(targetUrl);
	const open = new Set<Socket>();
	const server = createServer((client) => {
		if (!admit()) return void client.destroy();
		const upstream = connect(Number(port), hostname);
		const close = () => {
			for (const end of [client, upstream]) {
				end.destroy();
				open.delete(end);
			}
		};
		for (const end of [client, upstream]) open.add(end.on('error', close).on('close', close));
		relay(client, upstream, close);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	return {
		url: `redis://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
		/** Ends every connection open now. */
		cutAll() {
			for (const end of open) end.destroy();
		},
		async close() {
			for (const end of open) end.destroy();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}
