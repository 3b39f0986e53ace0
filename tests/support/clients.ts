import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ControlCommand } from '../../src/lib/protocol/control';
import type {
	ClientToServerEvents,
	JoinReply,
	Reply,
	ServerToClientEvents
} from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { waitFor } from './wait';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The stock y-websocket provider, as a Node client (`params` go in the URL's query). */
export function connectDoc(
	baseUrl: string,
	roomId: string,
	doc = new Y.Doc(),
	params: Record<string, string> = {}
) {
	const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/yjs`, roomId, doc, {
		// reason: the provider wants a browser WebSocket constructor; ws implements that interface.
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		params
	});
	return { doc, provider };
}

export async function connectSynced(baseUrl: string, roomId: string, doc = new Y.Doc()) {
	const client = connectDoc(baseUrl, roomId, doc);
	await waitFor(() => client.provider.synced, `room ${roomId} to sync`);
	return client;
}

/** The stock socket.io client over WebSocket only. */
export async function connectSocket(baseUrl: string): Promise<TestSocket> {
	const socket: TestSocket = io(baseUrl, { transports: ['websocket'], reconnection: false });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

let participantCounter = 0;
export function participantId(): string {
	return `participant-${process.pid}-${++participantCounter}`;
}

/** The participant key a test client uses with `id`: the same id always comes with the same key. */
export function participantKeyOf(id: string): string {
	return `key-${id}`.padEnd(22, 'k').slice(0, 64);
}

/** Someone joined to a room through socket.io, as the browser joins. */
export interface JoinedPerson {
	id: string;
	socket: TestSocket;
	reply: JoinReply;
	send(command: ControlCommand): Promise<Reply>;
}

/**
 * Joins `roomId` on the server at `baseUrl` as `name` and, when admitted, confirms the room's
 * agreements as the browser asks everyone to. The caller disconnects the socket.
 */
export async function joinAs(
	baseUrl: string,
	roomId: string,
	name: string,
	options: { hostKey?: string; id?: string; roleId?: string } = {}
): Promise<JoinedPerson> {
	const socket = await connectSocket(baseUrl);
	const id = options.id ?? participantId();
	const reply = (await socket.emitWithAck('room:join', {
		protocolVersion: PROTOCOL_VERSION,
		roomId,
		participantId: id,
		participantKey: participantKeyOf(id),
		name,
		roleId: options.roleId ?? 'listener',
		hostKey: options.hostKey
	})) as JoinReply;
	if (reply.ok) await socket.emitWithAck('control:command', { type: 'agreements.confirm' });
	return { id, socket, reply, send: (command) => socket.emitWithAck('control:command', command) };
}

/** The code of the next close of a provider's connection (0 when it gives none). */
export function nextCloseCode(provider: WebsocketProvider): Promise<number> {
	return new Promise((resolve) =>
		provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0))
	);
}
