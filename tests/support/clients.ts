import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type {
	ClientToServerEvents,
	ServerToClientEvents
} from '../../src/lib/protocol/socket-events';
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
