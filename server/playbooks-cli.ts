import { loadConfig, type Config } from './config';
import { setLogLevel } from './log';
import {
	OPERATOR_USAGE,
	parseOperatorCommand,
	runOperatorCommand
} from './playbooks/operator-command';
import type { PlaybookStore } from './playbooks/playbook-store';
import { createRedisPlaybookStore } from './playbooks/redis-playbook-store';
import { createSqlitePlaybookStore } from './playbooks/sqlite-playbook-store';
import { connectRedis } from './redis/connect';
import { openSqlite } from './storage/sqlite';

/**
 * The operator's playbook command (`npm run playbooks -- hide <id>`, docs/operations.md),
 * bundled to build/playbooks.js. It opens the same storage as the server (REDIS_URL or
 * DATA_DIR, from the same environment) while the server runs: the server reads the store on
 * every request, so a change shows at once on every instance.
 */
async function withStore<T>(config: Config, use: (store: PlaybookStore) => Promise<T>): Promise<T> {
	if (config.REDIS_URL) {
		const redis = await connectRedis(config.REDIS_URL, 'practice-room-operator');
		try {
			return await use(createRedisPlaybookStore(redis));
		} finally {
			await redis.close();
		}
	}
	const db = openSqlite(config.DATA_DIR);
	// The running server may be writing: wait for it rather than fail.
	db.exec('PRAGMA busy_timeout = 5000');
	try {
		return await use(createSqlitePlaybookStore(db));
	} finally {
		db.close();
	}
}

/** Runs one operator command; answers the exit code and what to print. */
export async function playbooksCli(
	args: readonly string[],
	env: Record<string, string | undefined>
): Promise<{ code: number; output: string }> {
	const command = parseOperatorCommand(args);
	if (!command) return { code: 2, output: OPERATOR_USAGE };
	const config = loadConfig(env);
	setLogLevel(config.LOG_LEVEL);
	const { ok, message } = await withStore(config, (store) => runOperatorCommand(command, store));
	return { code: ok ? 0 : 1, output: message };
}

// Run as a program (build/playbooks.js), not when a test imports it.
if (process.argv[1]?.endsWith('playbooks.js')) {
	playbooksCli(process.argv.slice(2), process.env).then(
		({ code, output }) => {
			(code === 0 ? console.log : console.error)(output);
			process.exitCode = code;
		},
		(error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			process.exitCode = 1;
		}
	);
}
