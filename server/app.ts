import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { answerFailure } from './http/answer-failure';
import { sendJson } from './http/json';
import { requestScheme } from './http/request-scheme';
import { setSecurityHeaders } from './http/security-headers';
import type { TurnEvents } from './turns/turn-events';
import { openRealtime } from './realtime';
import type { ServiceOptions } from './services';

/** SvelteKit's request handler from adapter-node's build (`build/handler.js`). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface RunningServer {
	port: number;
	/** http://host:port, for links and tests. */
	url: string;
	/** Where the async turn schedule reports turns: the push notifier (tests drive it here). */
	turnEvents: TurnEvents;
	/** Stops accepting connections, stores every room and closes the backends. */
	close(): Promise<void>;
}

const SOCKET_IO_PATH = '/socket.io/';

/**
 * Deliberate limits on slow clients (README, docs/operations.md) instead of Node's defaults: the
 * headers, the whole request, and an idle keep-alive connection. Node wants the headers' limit
 * within the request's. WebSockets are past these once upgraded.
 */
function applyTimeouts(server: Server, config: Config): void {
	server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
	server.headersTimeout = Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS);
	server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
}

/**
 * The composition root: one HTTP server on one port serving the JSON API, the Yjs endpoint,
 * socket.io and (when given) SvelteKit's pages.
 */
export async function startServer(
	config: Config,
	pages?: PageHandler,
	options: ServiceOptions = {}
): Promise<RunningServer> {
	// Requests only arrive after listen(), by which time `realtime` and `metrics` are set.
	const server = createServer((req, res) => {
		setSecurityHeaders(res, requestScheme(req, config.TRUST_PROXY) === 'https');
		const notFound = () => sendJson(res, 404, { error: 'Not found.' });
		realtime
			.api(req, res)
			.then((handled) => {
				if (handled) return;
				if (pages) pages(req, res, notFound);
				else notFound();
			})
			.catch((error: unknown) => answerFailure(req, res, error, metrics));
	});
	applyTimeouts(server, config);
	const opened = await openRealtime(server, config, options);
	const { realtime, metrics } = opened;
	server.on('upgrade', (req, socket, head: Buffer) => {
		if (realtime.handleUpgrade(req, socket, head)) return;
		if (!req.url?.startsWith(SOCKET_IO_PATH)) socket.destroy();
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.PORT, config.HOST, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;

	return {
		port,
		url: `http://${host}:${port}`,
		turnEvents: opened.turnEvents,
		async close() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await opened.close();
			await closed;
		}
	};
}
