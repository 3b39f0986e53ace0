import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { setSecurityHeaders } from './http/security-headers.ts';
import type * as RealtimeModule from './realtime';
import type * as ConfigModule from './config';

/**
 * Attaches the same realtime module as production (API, Yjs, socket.io) to Vite's dev server.
 * The server code is loaded through Vite's SSR loader once the dev server listens, so the Vite
 * config itself imports nothing of it (and builds and tests never load it) but the small,
 * dependency-free security headers module, which must answer from the first request on.
 */
export function practiceRoomRealtime(): Plugin {
	return {
		name: 'practice-room-realtime',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer as Server | null;
			if (!httpServer || process.env.VITEST) return;
			let ready: ReturnType<typeof RealtimeModule.openRealtime> | undefined;
			httpServer.once('listening', () => {
				ready = Promise.all([
					server.ssrLoadModule('/server/realtime.ts'),
					server.ssrLoadModule('/server/config.ts')
				]).then(([realtime, config]) =>
					(realtime as typeof RealtimeModule).openRealtime(
						httpServer,
						(config as typeof ConfigModule).loadConfig(process.env)
					)
				);
				ready.catch((error: unknown) => console.error('[dev] realtime server failed', error));
			});
			// Only the Yjs path is ours here: socket.io and Vite's own hot-reload socket listen for
			// their upgrades themselves, so anything else is left alone.
			httpServer.on('upgrade', (req, socket, head: Buffer) => {
				ready?.then(
					({ realtime }) => realtime.handleUpgrade(req, socket, head),
					() => socket.destroy()
				);
			});
			// Before Vite's own middleware, so every response in dev carries them too.
			server.middlewares.use((_req, res, next) => {
				setSecurityHeaders(res);
				next();
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
