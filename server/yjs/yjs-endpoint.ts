import type { IncomingMessage } from 'node:http';
import { log } from '../log';
import { requestUrl } from '../http/request-path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { CLOSE_ROOM_ERASED, CLOSE_ROOM_NOT_FOUND } from '../../src/lib/protocol/doc-close';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import { CLOSE_TOO_BIG } from '../limits/limits';
import type { DocConnectionEnd, LoadedRoom } from '../rooms/loaded-room';
import type { Metrics } from '../metrics';
import type { RoomRegistry } from '../rooms/room-registry';
import { serveYjsConnection } from './yjs-connection';

export const YJS_PATH_PREFIX = '/yjs/';
export const CLOSE_SERVER_ERROR = 1011;
/** Close code for a projector link whose token is not the room's. */
export const CLOSE_NOT_ALLOWED = 4403;

/** How the server closes a document connection it ends (rules Y9, Y10). */
const ENDS: Record<DocConnectionEnd, { code: number; reason: string }> = {
	removed: { code: CLOSE_NOT_ALLOWED, reason: 'removed from the room' },
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

interface DocumentAccess {
	/** Why the connection is refused, in words for the close frame; undefined when it is not. */
	refused?: string;
	readOnly: boolean;
	/** The participant the connection belongs to, when it carries their ticket. */
	participantId?: string;
}

/**
 * Who a document connection is (rules Y8, Y9): a projector (read only), a participant with the
 * ticket from their join, or nobody in particular, which a locked room refuses.
 */
function documentAccess(room: LoadedRoom, params: URLSearchParams): DocumentAccess {
	const projector = params.get('projector');
	if (projector !== null) {
		return room.isProjectorToken(projector)
			? { readOnly: true }
			: { refused: 'projector link not valid', readOnly: true };
	}
	const participantId = params.get('participant');
	const ticket = params.get('ticket');
	const control = room.readControl();
	if (participantId !== null && ticket !== null && room.isDocTicket(participantId, ticket)) {
		return control.removed.includes(participantId)
			? { refused: 'removed from the room', readOnly: true }
			: { readOnly: false, participantId };
	}
	return control.roomLocked
		? { refused: 'this room is locked', readOnly: true }
		: { readOnly: false };
}

/**
 * The WebSocket endpoint at `/yjs/<roomId>`. The room is loaded before its first sync answer;
 * frames that arrive meanwhile are held and replayed in order.
 */
export function createYjsEndpoint(rooms: RoomRegistry, metrics: Pick<Metrics, 'error'>) {
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
		const access = documentAccess(lease.room, params);
		if (access.refused) {
			lease.release();
			ws.close(CLOSE_NOT_ALLOWED, access.refused);
			return;
		}
		// A projector only watches: the server takes nothing from its connection (rule Y8).
		const connection = serveYjsConnection(ws, lease.room, { readOnly: access.readOnly });
		const untrack = lease.room.trackDocConnection(access.participantId, (why) =>
			ws.close(ENDS[why].code, ENDS[why].reason)
		);
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
				connect(ws, roomIdText, url.searchParams).catch((error: unknown) => {
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
