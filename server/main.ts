import { loadConfig } from './config';
import { startServer, type PageHandler } from './app';

/** Production entry point, bundled to build/main.js next to adapter-node's handler.js. */
async function main(): Promise<void> {
	const config = loadConfig(process.env);
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as {
		handler: PageHandler;
	};
	const server = await startServer(config, handler);
	const storage = config.REDIS_URL ? 'Redis' : `SQLite in ${config.DATA_DIR}`;
	console.log(`Practice Room is ready at ${server.url} (storage: ${storage})`);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: storing rooms and shutting down`);
		server.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
