import type { RunningServer } from './app';
import { log } from './log';

/**
 * Shuts the server down gracefully on SIGTERM and SIGINT: it stops accepting connections, tells
 * its clients to reconnect (to another instance, behind a load balancer), stores every room and
 * closes its backends, then exits. A second signal while that runs is ignored.
 */
export function stopOnSignals(server: RunningServer): void {
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
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
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
