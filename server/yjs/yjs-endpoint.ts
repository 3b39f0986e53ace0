import type { IncomingMessage } from 'node:http';
import { log } from '../log';
import { requestUrl } from '../http/request-path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
	CLOSE_NOT_ALLOWED,
	CLOSE_ROOM_ERASED,
	CLOSE_ROOM_LOCKED,
	CLOSE_ROOM_NOT_FOUND,
	PROJECTOR_CLOSE_REASONS
} from '../../src/lib/protocol/doc-close';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import { CLOSE_TOO_BIG } from '../limits/limits';
import { docCredentials } from '../rooms/doc-access';
import type { DocConnectionEnd } from '../rooms/loaded-room';
import type { Metrics } from '../metrics';
import type { RoomRegistry } from '../rooms/room-registry';
import { serveYjsConnection } from './yjs-connection';

export const YJS_PATH_PREFIX = '/yjs/';
export const CLOSE_SERVER_ERROR = 1011;
/** How the server refuses or ends a document connection (rules Y8–Y11). */
const ENDS: Record<DocConnectionEnd, { code: number; reason: string }> = {
	'projector-not-valid': { code: CLOSE_NOT_ALLOWED, reason: PROJECTOR_CLOSE_REASONS.notValid },
	'projector-replaced': { code: CLOSE_NOT_ALLOWED, reason: PROJECTOR_CLOSE_REASONS.replaced },
	removed: { code: CLOSE_NOT_ALLOWED, reason: 'removed from the room' },
	locked: { code: CLOSE_ROOM_LOCKED, reason: 'this room is locked' },
	erased: { code: CLOSE_ROOM_ERASED, reason: 'room erased' }
};

/** Largest accepted frame; a bigger one closes the connection with 1009. */
const MAX_FRAME_BYTES = 2 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;
/** RFC 6455 "service restart": the server is going away; connect again. */
const CLOSE_SERVICE_RESTART = 1012;
/** How long clients get to answer the close at shutdown before their connections are cut. */
const CLOSE_PATIENCE_MS = 1_000;
/** Frames held while a room loads; a client sending more before its first answer is closed. */
const MAX_HELD_FRAMES = 64;

/**
 * The WebSocket endpoint at `/yjs/<roomId>`. The room is loaded before its first sync answer;
 * frames that arrive meanwhile are held and replayed in order.
 */
export function createYjsEndpoint(
	rooms: RoomRegistry,
	metrics: Pick<Metrics, 'error' | 'refusedWrite'>
) {
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
	const alive = new WeakSet<WebSocket>();

	const pinger = setInterval(() => {
		for (const ws of wss.clients) {
			if (!alive.has(ws)) {
				ws.terminate();
				continue;
			}
			alive.delete(ws);
			ws.ping();
		}
	}, PING_INTERVAL_MS);
	pinger.unref();

	async function connect(
		ws: WebSocket,
		socket: Duplex,
		roomIdText: string,
		params: URLSearchParams
	): Promise<void> {
		alive.add(ws);
		ws.on('pong', () => alive.add(ws));
		ws.on('error', () => ws.terminate());
		const held: [RawData, boolean][] = [];
		const hold = (data: RawData, isBinary: boolean) => {
			if (held.push([data, isBinary]) > MAX_HELD_FRAMES) {
				ws.close(CLOSE_TOO_BIG, 'too many messages before the room was ready');
			}
		};
		ws.on('message', hold);

		const roomId = roomIdSchema.safeParse(roomIdText);
		const lease = roomId.success ? await rooms.acquire(roomId.data) : undefined;
		if (!lease) {
			ws.close(CLOSE_ROOM_NOT_FOUND, 'room not found');
			return;
		}
		if (ws.readyState !== ws.OPEN) {
			lease.release();
			return;
		}
		// A projector, a participant with their ticket, or anyone with the link (rules Y8, Y9).
		const credentials = docCredentials(params);
		const access = lease.room.connections.admission(credentials);
		if (!access.admitted) {
			lease.release();
			ws.close(ENDS[access.refusal].code, ENDS[access.refusal].reason);
			return;
		}
		// A projector only watches: the server takes nothing from its connection (rule Y8).
		const connection = serveYjsConnection(
			ws,
			socket,
			lease.room,
			{ readOnly: access.readOnly },
			metrics
		);
		const untrack = lease.room.connections.track(credentials, (why) => {
			// Out of the room at once (rule Y11): nothing more reaches it, its awareness goes, and
			// what it sends while the close completes is not handled (the socket is closing).
			connection.detach();
			ws.close(ENDS[why].code, ENDS[why].reason);
		});
		ws.off('message', hold);
		ws.once('close', () => {
			untrack();
			connection.detach();
			lease.release();
		});
		for (const [data, isBinary] of held) ws.emit('message', data, isBinary);
	}

	return {
		/** Takes the upgrade if it is for the Yjs path; answers whether it did. */
		handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
			const url = requestUrl(request);
			if (!url) {
				socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
				return true;
			}
			if (!url.pathname.startsWith(YJS_PATH_PREFIX)) return false;
			const roomIdText = url.pathname.slice(YJS_PATH_PREFIX.length);
			wss.handleUpgrade(request, socket, head, (ws) => {
				connect(ws, socket, roomIdText, url.searchParams).catch((error: unknown) => {
					log.yjs.error({ err: error }, 'could not open a room');
					metrics.error('yjs');
					ws.close(CLOSE_SERVER_ERROR, 'the room could not be opened');
				});
			});
			return true;
		},
		async close(): Promise<void> {
			clearInterval(pinger);
			// "Service restart": the provider reconnects, to another instance behind a load balancer.
			const closed = [...wss.clients].map(
				(ws) => new Promise<void>((resolve) => ws.once('close', () => resolve()))
			);
			for (const ws of wss.clients) ws.close(CLOSE_SERVICE_RESTART, 'server restarting');
			const patience = setTimeout(() => {
				for (const ws of wss.clients) ws.terminate();
			}, CLOSE_PATIENCE_MS);
			await Promise.all(closed);
			clearTimeout(patience);
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		}
	};
}
