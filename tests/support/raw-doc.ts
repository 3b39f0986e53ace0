import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { message, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../server/yjs/room-fanout';
import { awarenessUpdate } from './awareness-update';
import type { Cleanups } from './cleanups';
import { connectSynced } from './clients';

/** Raw y-websocket connections, for frames the stock provider would never send. */

/** A sync step 1 with an empty state vector: the server answers step 2, after what came before. */
const BARRIER = new Uint8Array([0, 0, 1, 0]);
const isStep2 = (data: Buffer) => data[0] === 0 && data[1] === 1;

/** A raw document connection to `roomId` on the server at `baseUrl`, open. */
export function openRaw(baseUrl: string, roomId: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${roomId}`);
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
	});
}

/** Sends frames and resolves once the server has handled them, or closed the connection. */
export function sendHandled(ws: WebSocket, frames: Uint8Array[]): Promise<void> {
	return new Promise((resolve) => {
		const answered = (data: Buffer) => {
			if (!isStep2(data)) return;
			done();
		};
		const done = () => {
			ws.off('message', answered);
			ws.off('close', done);
			resolve();
		};
		ws.on('message', answered);
		ws.once('close', done);
		for (const frame of [...frames, BARRIER]) ws.send(frame);
	});
}

/** Ends a raw connection, `gracefully` or by dropping it; resolves with the close code. */
export function end(ws: WebSocket, gracefully: boolean): Promise<number> {
	// Closed already (the server refused it): nothing to end.
	if (ws.readyState === ws.CLOSED) return Promise.resolve(ws.CLOSED);
	return new Promise((resolve) => {
		ws.once('close', (code) => resolve(code));
		if (gracefully) ws.close(1000);
		else ws.terminate();
	});
}

/** How the server closes `ws`, code and reason. */
export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) =>
		ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
}

/** An awareness message: entries of [client id, clock, state as JSON text]. */
export function awarenessFrame(entries: [number, number, string][]): Uint8Array {
	const update = awarenessUpdate(entries);
	return message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
}

/** A sync update frame carrying `update`. */
export const updateFrame = (update: Uint8Array): Uint8Array =>
	message(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));

/**
 * Stock and raw document connections to rooms on the server at `url()` (read when connecting:
 * a file's server starts in its beforeAll), each ended after the test through `cleanups`.
 */
export function roomConnections(url: () => string, cleanups: Cleanups) {
	return {
		/** A stock y-websocket client, synced. */
		async synced(roomId: string) {
			const client = await connectSynced(url(), roomId);
			cleanups.push(() => client.provider.destroy());
			return client;
		},
		/** A raw connection, open. */
		async raw(roomId: string) {
			const ws = await openRaw(url(), roomId);
			// A send after the server closed fails here; the close says why.
			ws.on('error', () => {});
			cleanups.push(() => end(ws, false));
			return ws;
		}
	};
}
