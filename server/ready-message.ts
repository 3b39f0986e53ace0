import type { Config } from './config';

/**
 * The one line that says the server is up: where to open it and where the data lives (a Redis
 * URL is not shown: it may carry a password).
 */
export function readyMessage(url: string, config: Pick<Config, 'REDIS_URL' | 'DATA_DIR'>): string {
	const data = config.REDIS_URL === undefined ? config.DATA_DIR : 'Redis (REDIS_URL)';
	return `Practice Room is running at ${url} — data in ${data}`;
}
