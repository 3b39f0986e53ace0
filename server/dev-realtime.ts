import type { Server } from 'node:http';
import { loadConfig } from './config';
import { attachRealtime, type Realtime } from './realtime';
import { createServices } from './services';

/** The realtime server for `npm run dev`, loaded by Vite's SSR loader (server/vite-plugin.ts). */
export async function startDevRealtime(
	httpServer: Server
): Promise<{ realtime: Realtime; close(): Promise<void> }> {
	const services = await createServices(loadConfig(process.env));
	const realtime = attachRealtime(httpServer, services);
	return {
		realtime,
		async close() {
			await realtime.close();
			await services.close();
		}
	};
}
