import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import type { ServiceOptions } from '../../server/services';

export { createRoom } from './http';

export interface TestServerOptions {
	dataDir?: string;
	redisUrl?: string;
	port?: number;
	leaveGraceMs?: number;
	/** TRUST_PROXY: reverse proxies whose X-Forwarded-* headers count; default 0. */
	trustProxy?: number;
	/** ROOMS_PER_ADDRESS_PER_HOUR; default: the server's. */
	roomsPerAddressPerHour?: number;
	/** CLIP_UPLOADS_PER_ADDRESS_PER_HOUR; default: the server's. */
	clipUploadsPerAddressPerHour?: number;
	/** PAIRING_WRITES_PER_ADDRESS_PER_HOUR; default: the server's. */
	pairingWritesPerAddressPerHour?: number;
	/** API_TIMEOUT_MS; default: the server's. */
	apiTimeoutMs?: number;
	/** Default: LOG_LEVEL from the environment, else silent, so test output stays quiet. */
	logLevel?: Config['LOG_LEVEL'];
	/** Any other configuration, as environment variables (e.g. COMMUNITY_PLAYBOOKS). */
	env?: Partial<Record<keyof Config, string>>;
	/** What the services take besides the configuration (a push agent trusting a test's service). */
	services?: ServiceOptions;
}

/** The real server (API, Yjs, socket.io) on a free port, without SvelteKit's pages. */
export function startTestServer(options: TestServerOptions = {}): Promise<RunningServer> {
	return startServer(
		loadConfig({
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATA_DIR: options.dataDir ?? tempDir(),
			REDIS_URL: options.redisUrl,
			ROOM_UNLOAD_GRACE_MS: '50',
			LEAVE_GRACE_MS: String(options.leaveGraceMs ?? 100),
			TRUST_PROXY: options.trustProxy?.toString(),
			ROOMS_PER_ADDRESS_PER_HOUR: options.roomsPerAddressPerHour?.toString(),
			CLIP_UPLOADS_PER_ADDRESS_PER_HOUR: options.clipUploadsPerAddressPerHour?.toString(),
			API_TIMEOUT_MS: options.apiTimeoutMs?.toString(),
			PAIRING_WRITES_PER_ADDRESS_PER_HOUR: options.pairingWritesPerAddressPerHour?.toString(),
			LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL ?? 'silent',
			...options.env
		}),
		undefined,
		options.services
	);
}

const tempDirs: string[] = [];

/** A fresh folder removed when the test process ends. */
export function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'practice-room-test-'));
	tempDirs.push(dir);
	return dir;
}

process.once('exit', () => {
	for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
