import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';
import { textLine } from './log-text';

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
let format: Config['LOG_FORMAT'] = 'json';

/** Log errors under `err`: that key alone goes through {@link errorFields}. */
const root = pino(
	{ level: 'info', serializers: { err: errorFields } },
	{ write: (line: string) => destination.write(format === 'json' ? line : textLine(line)) }
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
	redis: root.child({ area: 'redis' }),
	/** Web Push: the VAPID keys and turn notifications (never an endpoint: it is a capability). */
	push: root.child({ area: 'push' }),
	/** What libraries print with `console` (see {@link routeConsole}). */
	console: root.child({ area: 'console' })
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

/** JSON lines for operators (the default), or short text for a person at a terminal. */
export function setLogFormat(to: Config['LOG_FORMAT']): void {
	format = to;
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

/** The console methods libraries print with; `log` is logged at info. */
const CONSOLE_METHODS = ['debug', 'log', 'info', 'warn', 'error'] as const;
type ConsoleMethods = Record<(typeof CONSOLE_METHODS)[number], (...args: unknown[]) => void>;

/** Terminal colour codes, which lib0's logging adds in Node. */
// reason: the escape character is what is being matched.
// eslint-disable-next-line no-control-regex
const ANSI_CODES = /\u001b\[[0-9;]*m/g;
/** Longest text kept of one console line: library messages are a sentence. */
const MAX_CONSOLE_TEXT = 500;

/**
 * Sends what libraries print with `console` through the log, so standard output stays one JSON
 * object a line: Yjs and lib0 print plain text in a few paths (such as "Changed the client-id
 * because another client seems to be using it"). A line keeps the text of the string arguments
 * (a library's own words), errors as {@link errorFields}, and of any other value only its type,
 * which could be a document's content. Answers the function that puts the console back.
 */
export function routeConsole(target: ConsoleMethods = console): () => void {
	const original = { ...target };
	for (const method of CONSOLE_METHODS) {
		const level = method === 'log' ? 'info' : method;
		target[method] = (...args: unknown[]) => {
			const errors = args.filter((arg) => arg instanceof Error);
			const text = args
				.map((arg) => (typeof arg === 'string' ? arg.replace(ANSI_CODES, '') : `[${typeof arg}]`))
				.join(' ')
				.slice(0, MAX_CONSOLE_TEXT);
			log.console[level](
				{ method, text, ...(errors[0] ? { err: errors[0] } : {}) },
				'console output'
			);
		};
	}
	return () => Object.assign(target, original);
}
