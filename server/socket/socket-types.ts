import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { ProtocolError, RefusalParams } from '../../src/lib/protocol/socket-events';
import type {
	ClientToServerEvents,
	ServerToClientEvents
} from '../../src/lib/protocol/socket-events';
import { parseWithProblems } from '../../src/lib/protocol/problems';

/** Incoming payloads are untrusted: every handler receives `unknown` and parses it. */
type UntrustedEvents = { [E in keyof ClientToServerEvents]: (...args: unknown[]) => void };

/** What instances tell each other through socket.io's adapter (docs/scale-out.md). */
interface InterServerEvents {
	/** A room was erased through another instance: let its people here go. */
	'room:erase': (roomId: unknown) => void;
}

export type RoomServer = Server<UntrustedEvents, ServerToClientEvents, InterServerEvents>;
export type RoomSocket = Socket<UntrustedEvents, ServerToClientEvents>;

/** Everyone watching or in a room, on every instance. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
/** The sockets of people joined to a room (not watchers, not projectors), on every instance. */
export const memberChannel = (roomId: string) => `room:${roomId}:members`;
/** The sockets of projectors watching a room, on every instance. */
export const projectorChannel = (roomId: string) => `room:${roomId}:projectors`;
/** One person's sockets in a room, on whichever instance they are connected to. */
export const personChannel = (roomId: string, participantId: string) =>
	`room:${roomId}:person:${participantId}`;

export type Failure = { ok: false; error: ProtocolError };

/** A refusal: English words for stock clients and logs, and what the browser words it from. */
export function failure(
	code: ProtocolError['code'],
	message: string,
	params?: RefusalParams
): Failure {
	return { ok: false, error: params ? { code, message, params } : { code, message } };
}

/** Parses a payload; a bad one becomes the `invalid_payload` answer listing its problems. */
export function parsePayload<S extends z.core.$ZodType>(
	schema: S,
	payload: unknown
): { ok: true; data: z.output<S> } | Failure {
	const parsed = parseWithProblems(schema, payload);
	return parsed.ok ? parsed : failure('invalid_payload', parsed.problems.join('; '));
}
