import type { Plugin } from 'vite';

/**
 * Attaches the same realtime module as production (API, Yjs, socket.io) to Vite's dev server.
 * The server code is imported only when the dev server starts, so builds and tests never load it.
 */
export function practiceRoomRealtime(): Plugin {
	return {
		name: 'practice-room-realtime',
		apply: 'serve',
		async configureServer(server) {
			const httpServer = server.httpServer;
			if (!httpServer || !('listen' in httpServer) || process.env.VITEST) return;
			const [{ loadConfig }, { createServices }, { attachRealtime }] = await Promise.all([
				import('./config'),
				import('./services'),
				import('./realtime')
			]);
			const services = await createServices(loadConfig(process.env));
			const realtime = attachRealtime(httpServer as import('node:http').Server, services);
			httpServer.on('upgrade', (req, socket, head) => realtime.handleUpgrade(req, socket, head));
			server.middlewares.use((req, res, next) => {
				realtime.api(req, res).then((handled) => handled || next(), next);
			});
			httpServer.on('close', () => void realtime.close().then(() => services.close()));
		}
	};
}
