import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

/**
 * The server's structured log: one JSON object a line on standard output (docs/operations.md).
 * Lines carry ids, sizes, counts and events as fields, never what people wrote: no document
 * text, names, notes or ratings, and no request bodies or query strings (a projector link's
 * token is in its query).
 */

/** What a line keeps of an error: never data attached to it, such as a failed write's payload. */
export interface ErrorFields {
	type: string;
	message?: string;
	code?: string | number;
	stack?: string;
}

export function errorFields(error: unknown): ErrorFields {
	// A value thrown that is not an Error could be anything, content included: only its type.
	if (!(error instanceof Error)) return { type: typeof error };
	const code = 'code' in error ? error.code : undefined;
	return {
		type: error.name,
		message: error.message,
		...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
		...(error.stack === undefined ? {} : { stack: error.stack })
	};
}

let destination: DestinationStream = pino.destination({ dest: 1, sync: true });

/** Log errors under `err`: that key alone goes through {@link errorFields}. */
const root = pino(
	{ level: 'info', serializers: { err: errorFields } },
	{ write: (line: string) => destination.write(line) }
);

/** One logger per area of the server; the area is a field of every line. */
export const log = {
	server: root.child({ area: 'server' }),
	http: root.child({ area: 'http' }),
	/** SvelteKit's pages (src/hooks.server.ts reports through the server's logger). */
	pages: root.child({ area: 'pages' }),
	rooms: root.child({ area: 'rooms' }),
	playbooks: root.child({ area: 'playbooks' }),
	teams: root.child({ area: 'teams' }),
	socket: root.child({ area: 'socket' }),
	yjs: root.child({ area: 'yjs' }),
	redis: root.child({ area: 'redis' })
} satisfies Record<string, Logger>;

/**
 * Routes Node's process warnings (a deprecation, an experimental feature, a listener leak) into
 * the log as JSON lines. Node prints them to standard error as plain text by default, which
 * breaks a log read as one JSON object a line (docker logs merges both streams); removing that
 * default listener is what stops the plain print.
 */
export function logProcessWarnings(target: NodeJS.EventEmitter = process): void {
	target.removeAllListeners('warning');
	target.on('warning', (warning: Error) => {
		log.server.warn({ err: warning }, 'process warning');
	});
}

/**
 * Logs an exception nothing caught (a rejected promise nobody handled too) as one fatal JSON
 * line, then stops the process with code 1, as Node would: its state is unknown. Node's own
 * report is a plain-text stack on standard error, which breaks the JSON log like a warning.
 */
export function logUncaughtFailures(): void {
	process.on('uncaughtException', (error: unknown, origin: string) => {
		log.server.fatal({ err: error, origin }, 'a failure nothing caught; stopping');
		process.exit(1);
	});
}

/** Sets the level of every area (children follow the root's level). */
export function setLogLevel(level: Config['LOG_LEVEL']): void {
	root.level = level;
}

/**
 * Sends the lines to `to` instead of standard output, so a test can read what the server logs;
 * answers the function that sends them back.
 */
export function redirectLog(to: DestinationStream): () => void {
	const previous = destination;
	destination = to;
	return () => {
		destination = previous;
	};
}
