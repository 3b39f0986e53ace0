import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import type { LoadedRoom } from '../rooms/loaded-room';

/** y-websocket's top-level message types. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** Close codes sent to y-websocket clients (docs/protocol.md). */
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_MALFORMED = 1007;

class MalformedMessage extends Error {}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

function awarenessMessage(room: LoadedRoom, clients: number[]): Uint8Array {
	return message(MESSAGE_AWARENESS, (encoder) =>
		encoding.writeVarUint8Array(
			encoder,
			awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients)
		)
	);
}

/**
 * Speaks the y-websocket protocol with one client over an open socket: sync steps and updates
 * both ways, awareness relayed. The parts of client updates that would change the control map are refused (rule Y3);
 * a frame that cannot be decoded closes this connection only (rule Y5).
 */
export function serveYjsConnection(ws: WebSocket, room: LoadedRoom): { detach(): void } {
	const { doc, awareness } = room;
	const ownAwarenessIds = new Set<number>();

	const send = (data: Uint8Array) => {
		if (ws.readyState !== WebSocket.OPEN) return;
		ws.send(data, (error) => {
			if (error) ws.terminate();
		});
	};

	const onDocUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin !== ws) send(message(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update)));
	};
	const onAwarenessUpdate = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		if (origin === ws) {
			for (const id of added) ownAwarenessIds.add(id);
			for (const id of removed) ownAwarenessIds.delete(id);
		}
		send(awarenessMessage(room, [...added, ...updated, ...removed]));
	};

	const handle = (data: Uint8Array) => {
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC: {
				const syncType = decoding.readVarUint(decoder);
				if (syncType === syncProtocol.messageYjsSyncStep1) {
					const stateVector = decoding.readVarUint8Array(decoder);
					send(message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector)));
				} else if (
					syncType === syncProtocol.messageYjsSyncStep2 ||
					syncType === syncProtocol.messageYjsUpdate
				) {
					const update = decoding.readVarUint8Array(decoder);
					const stripped = room.applyClientUpdate(update, ws);
					if (stripped > 0) {
						console.warn(`[room ${room.meta.id}] refused ${stripped} client writes to control`);
					}
				} else {
					throw new MalformedMessage(`unknown sync message ${syncType}`);
				}
				return;
			}
			case MESSAGE_AWARENESS:
				awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), ws);
				return;
			case MESSAGE_QUERY_AWARENESS:
				send(awarenessMessage(room, [...awareness.getStates().keys()]));
				return;
			default:
				throw new MalformedMessage(`unknown message type ${type}`);
		}
	};

	ws.on('message', (data, isBinary) => {
		if (!isBinary || !(data instanceof Buffer)) {
			ws.close(CLOSE_UNSUPPORTED, 'binary y-websocket frames only');
			return;
		}
		try {
			handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		} catch (error) {
			console.warn(
				`[room ${room.meta.id}] closing a connection after a malformed frame: ${(error as Error).message}`
			);
			ws.close(CLOSE_MALFORMED, 'malformed y-websocket message');
		}
	});

	doc.on('update', onDocUpdate);
	awareness.on('update', onAwarenessUpdate);

	send(message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
	const present = [...awareness.getStates().keys()];
	if (present.length > 0) send(awarenessMessage(room, present));

	return {
		detach() {
			doc.off('update', onDocUpdate);
			awareness.off('update', onAwarenessUpdate);
			awarenessProtocol.removeAwarenessStates(awareness, [...ownAwarenessIds], null);
		}
	};
}
