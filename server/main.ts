import { loadConfig } from './config';
import { startServer, type PageHandler } from './app';
import { log, logProcessWarnings, logUncaughtFailures, routeConsole } from './log';
import { stopOnSignals } from './shutdown';
import { startFailure } from './start-failure';

/** Production entry point, bundled to build/main.js next to adapter-node's handler.js. */
async function main(): Promise<void> {
	logProcessWarnings();
	// Standard output is the JSON log: libraries' console lines go through it too.
	routeConsole();
	logUncaughtFailures();
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
	const { message, err } = startFailure(error);
	log.server.fatal(err === undefined ? {} : { err }, message);
	process.exit(1);
});
