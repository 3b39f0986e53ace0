import { loadConfig } from './config';
import { startServer, type PageHandler } from './app';
import { log, routeConsole } from './log';
import { stopOnSignals } from './shutdown';

/** Production entry point, bundled to build/main.js next to adapter-node's handler.js. */
async function main(): Promise<void> {
	// Standard output is the JSON log: libraries' console lines go through it too.
	routeConsole();
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

	stopOnSignals(server);
}

main().catch((error: unknown) => {
	log.server.fatal({ err: error }, 'the server could not start');
	process.exit(1);
});
