import { configSchema, loadConfig } from './config';
import { startServer, type PageHandler } from './app';
import { log, logProcessWarnings, logUncaughtFailures, routeConsole, setLogFormat } from './log';
import { readyMessage } from './ready-message';
import { stopOnSignals } from './shutdown';
import { startFailure } from './start-failure';

/**
 * The server's composition root, bundled to build/server.js next to adapter-node's handler.js and
 * loaded by the entry point (server/entry.ts, build/main.js).
 */
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
	log.server.info(
		{ url: server.url, storage: config.REDIS_URL ? 'redis' : 'sqlite' },
		readyMessage(server.url, config)
	);

	stopOnSignals(server);
}

main().catch((error: unknown) => {
	// Before the configuration is read (a bad value is one such failure), LOG_FORMAT on its own.
	const format = configSchema.shape.LOG_FORMAT.safeParse(process.env.LOG_FORMAT);
	if (format.success) setLogFormat(format.data);
	const { message, err } = startFailure(error);
	log.server.fatal(err === undefined ? {} : { err }, message);
	process.exit(1);
});
