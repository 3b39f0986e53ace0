import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import { serveBenchControl } from './child';
import { countRedisCommands } from './redis-commands';

/** Hocuspocus, alone or with its Redis extension when REDIS_URL is set. */
const redisUrl = process.env.REDIS_URL ? new URL(process.env.REDIS_URL) : undefined;
const redisCommandsSent = countRedisCommands(process.env.REDIS_URL);
const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: false,
	extensions: redisUrl ? [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port) })] : []
});
await server.listen(0);
serveBenchControl(server.address.port, () => server.destroy(), redisCommandsSent);
