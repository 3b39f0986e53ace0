import { createClient, RESP_TYPES } from 'redis';
import { log } from '../log';

/**
 * Connects to Redis with endless reconnection. Errors are logged, never thrown into the event
 * loop: a Redis outage must not take the process down.
 */
export async function connectRedis(url: string, name: string) {
	const client = createClient({
		url,
		name,
		// A Redis host that vanishes without closing the connection (a partition) is noticed by a
		// ping left unanswered, not minutes later by TCP keepalive: the client then reconnects,
		// and the document log's subscribers reload what they missed (docs/scale-out.md).
		pingInterval: 5_000,
		socket: {
			socketTimeout: 15_000,
			reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000)
		}
	});
	let lastLogged = 0;
	client.on('error', (error: Error) => {
		const now = Date.now();
		if (now - lastLogged > 5_000) {
			lastLogged = now;
			log.redis.warn({ client: name, err: error }, 'Redis connection error');
		}
	});
	await client.connect();
	return client;
}

export type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

/** The same connection, answering binary strings as Buffers (for Yjs updates). */
export function binaryView(client: RedisClient) {
	return client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
}
