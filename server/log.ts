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
	rooms: root.child({ area: 'rooms' }),
	playbooks: root.child({ area: 'playbooks' }),
	teams: root.child({ area: 'teams' }),
	socket: root.child({ area: 'socket' }),
	yjs: root.child({ area: 'yjs' }),
	redis: root.child({ area: 'redis' })
} satisfies Record<string, Logger>;

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
