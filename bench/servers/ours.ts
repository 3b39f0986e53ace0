import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { serveBenchControl } from './child';
import { countRedisCommands } from './redis-commands';

/** Practice Room's server without pages, on a free port, embedded or on REDIS_URL. */
const redisCommandsSent = countRedisCommands(process.env.REDIS_URL);
const server = await startServer(
	loadConfig({
		PORT: '0',
		HOST: '127.0.0.1',
		DATA_DIR: mkdtempSync(join(tmpdir(), 'practice-room-bench-')),
		REDIS_URL: process.env.REDIS_URL,
		// The load generator starts every room from one address (bench/kinds.ts lifts the limit).
		ROOMS_PER_ADDRESS_PER_HOUR: process.env.ROOMS_PER_ADDRESS_PER_HOUR,
		LOG_LEVEL: process.env.LOG_LEVEL
	})
);
serveBenchControl(server.port, () => server.close(), redisCommandsSent);
