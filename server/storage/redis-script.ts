import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis/connect';

type Argument = string | Buffer;

/**
 * A Lua script run by its SHA1 (`EVALSHA`), sent whole only when Redis does not know it yet
 * (first use, or after a restart emptied its script cache). One round trip per call.
 */
export function redisScript(source: string) {
	const sha = createHash('sha1').update(source).digest('hex');
	return async (
		client: Pick<RedisClient, 'evalSha' | 'eval'>,
		keys: Argument[],
		args: Argument[]
	): Promise<unknown> => {
		try {
			return await client.evalSha(sha, { keys, arguments: args });
		} catch (error) {
			if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
			return client.eval(source, { keys, arguments: args });
		}
	};
}
