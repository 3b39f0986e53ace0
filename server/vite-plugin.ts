import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import type * as DevRealtime from './dev-realtime';

/**
 * Attaches the same realtime module as production (API, Yjs, socket.io) to Vite's dev server.
 * The server code is loaded through Vite's SSR loader once the dev server listens, so the Vite
 * config itself imports nothing of it (and builds and tests never load it).
 */
export function practiceRoomRealtime(): Plugin {
	return {
		name: 'practice-room-realtime',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer as Server | null;
			if (!httpServer || process.env.VITEST) return;
			let ready: ReturnType<typeof DevRealtime.startDevRealtime> | undefined;
			httpServer.once('listening', () => {
				ready = server
					.ssrLoadModule('/server/dev-realtime.ts')
					.then((module) => (module as typeof DevRealtime).startDevRealtime(httpServer));
				ready.catch((error: unknown) => console.error('[dev] realtime server failed', error));
			});
			httpServer.on('upgrade', (req, socket, head: Buffer) => {
				ready?.then(
					({ realtime }) => realtime.handleUpgrade(req, socket, head) || socket.destroy(),
					() => socket.destroy()
				);
			});
			server.middlewares.use((req, res, next) => {
				if (!ready) return next();
				ready
					.then(({ realtime }) => realtime.api(req, res))
					.then((handled) => handled || next(), next);
			});
			httpServer.once('close', () => {
				ready?.then((dev) => dev.close()).catch(() => {});
			});
		}
	};
}
