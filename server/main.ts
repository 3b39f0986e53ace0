import { loadConfig } from './config';
import { startServer, type PageHandler } from './app';
import { log } from './log';

/** Production entry point, bundled to build/main.js next to adapter-node's handler.js. */
async function main(): Promise<void> {
	const config = loadConfig(process.env);
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as {
		handler: PageHandler;
	};
	const server = await startServer(config, handler);
	const storage = config.REDIS_URL ? 'Redis' : `SQLite in ${config.DATA_DIR}`;
	log.server.info(
		{ url: server.url, storage: config.REDIS_URL ? 'redis' : 'sqlite' },
		`Practice Room is ready at ${server.url} (storage: ${storage})`
	);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.server.info({ signal }, 'storing rooms and shutting down');
		server.close().then(
			() => process.exit(0),
			(error: unknown) => {
				log.server.fatal({ err: error }, 'shutting down failed');
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	log.server.fatal({ err: error }, 'the server could not start');
	process.exit(1);
});
