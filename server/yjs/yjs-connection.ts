import * as decoding from 'lib0/decoding';
import { applyAwarenessEntries } from './apply-awareness';
import {
	awarenessBytesAfter,
	awarenessEntries,
	MAX_AWARENESS_IDS_PER_CONNECTION,
	MAX_AWARENESS_IDS_PER_MESSAGE,
	measuredAs,
	ownEntries
} from './awareness-check';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { writeBatched } from './write-batch';
import { refusalClose } from '../limits/document-limits';
import {
	CLOSE_POLICY_VIOLATION,
	CLOSE_TOO_BIG,
	LIMIT_WORDS,
	MAX_AWARENESS_STATE_BYTES,
	MAX_ROOM_AWARENESS_BYTES,
	YJS_MESSAGE_RATE
} from '../limits/limits';
import { yjsFrameCost } from '../limits/message-rate';
import { fullBucket, take } from '../limits/token-bucket';
import { log } from '../log';
import type { Metrics } from '../metrics';
import type { LoadedRoom } from '../rooms/loaded-room';
import {
	awarenessFrame,
	fanoutOf,
	frame,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	type Peer
} from './room-fanout';

/** Close codes sent to y-websocket clients (docs/protocol.md). */
export const CLOSE_UNSUPPORTED = 1003;
export const CLOSE_MALFORMED = 1007;

class MalformedMessage extends Error {}

/** An update that carries nothing (a read-only client's answer to sync step 1) is this long. */
const EMPTY_UPDATE_BYTES = 2;

const frameBytes = (data: RawData): number =>
	Array.isArray(data) ? data.reduce((total, part) => total + part.byteLength, 0) : data.byteLength;

/**
 * Speaks the y-websocket protocol with one client over an open socket: sync steps and updates
 * both ways, awareness relayed through the room's fan-out. The parts of client updates that
 * would change the control map are refused (rule Y3); a frame that cannot be decoded closes
 * this connection only (rule Y5), as does a client over a limit (rules L2–L4), before anything
 * of the frame is applied.
 */
export function serveYjsConnection(
	ws: WebSocket,
	/** The connection's socket, which `ws` took over: frames are written to it whole. */
	socket: Duplex,
	room: LoadedRoom,
	options: { readOnly: boolean },
	metrics: Pick<Metrics, 'refusedWrite'>
): { detach(): void } {
	const { doc, awareness } = room;
	const ownAwarenessIds = new Set<number>();
	/** This connection, as the origin of its changes and a target of everyone else's. */
	const peer: Peer = {
		/**
		 * The frame as it is, whole: `ws` writes whole frames too (without compression, which
		 * the server does not offer), so frames never interleave; a write error reaches `ws`
		 * through the socket and closes the connection. Batched with the other frames this
		 * connection gets in the same round of the event loop (one system call, not one each).
		 */
		send(data) {
			if (ws.readyState === WebSocket.OPEN) writeBatched(socket, data);
		}
	};
	const fanout = fanoutOf(room);

	const trackOwnAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		if (origin !== peer) return;
		// An id this connection set again (a reconnect) is this connection's now too.
		for (const id of [...added, ...updated]) ownAwarenessIds.add(id);
		for (const id of removed) ownAwarenessIds.delete(id);
	};

	let detached = false;
	/** Takes the connection out of the room; a second call does nothing. */
	const detach = () => {
		if (detached) return;
		detached = true;
		fanout.delete(peer);
		awareness.off('update', trackOwnAwareness);
		awarenessProtocol.removeAwarenessStates(awareness, [...ownAwarenessIds], null);
	};
	/**
	 * Closes the connection, out of the room at once: a client that never answers the close
	 * would otherwise keep its awareness states there for ws's close timeout (30 s).
	 */
	const close = (code: number, reason: string) => {
		detach();
		ws.close(code, reason);
	};

	/**
	 * Applies the entries of an awareness update that are this connection's (rules Y1, L8), the
	 * message checked whole first: within the ids a connection may set, each state within its
	 * size, and the room's awareness within its size unless the update makes it smaller. Over the
	 * room's size nothing is applied and the connection stays: the document matters more than a
	 * cursor, and the provider sends its state again within 15 s.
	 */
	const applyOwnAwareness = (update: Uint8Array) => {
		const entries = awarenessEntries(update);
		const states = awareness.getStates();
		const own = ownEntries(entries, states, ownAwarenessIds, awareness.clientID);
		if (own.length > MAX_AWARENESS_IDS_PER_MESSAGE) {
			throw new MalformedMessage(`awareness sets ${own.length} clients in one message`);
		}
		const held = new Set([...ownAwarenessIds, ...own.map((entry) => entry.clientId)]);
		if (held.size > MAX_AWARENESS_IDS_PER_CONNECTION) {
			throw new MalformedMessage(`awareness for ${held.size} clients from one connection`);
		}
		const largest = Math.max(0, ...own.map((entry) => entry.bytes));
		if (largest > MAX_AWARENESS_STATE_BYTES) {
			log.yjs.warn(
				{ roomId: room.meta.id, bytes: largest, limit: MAX_AWARENESS_STATE_BYTES },
				'closing a connection whose awareness state is too large'
			);
			metrics.refusedWrite('awareness_size');
			close(CLOSE_TOO_BIG, LIMIT_WORDS.awarenessTooLarge);
			return;
		}
		if (own.length === 0) return;
		const { before, after } = awarenessBytesAfter(states, own);
		if (after > MAX_ROOM_AWARENESS_BYTES && after > before) {
			log.yjs.warn(
				{ roomId: room.meta.id, bytes: after, limit: MAX_ROOM_AWARENESS_BYTES },
				'ignored awareness over the room’s size'
			);
			return;
		}
		// Applied from the entries parsed for the checks above, not parsed again from the update.
		if (own.length === entries.length) {
			fanout.relayAsSent(peer, update, own.length, () =>
				applyAwarenessEntries(awareness, own, peer)
			);
		} else {
			applyAwarenessEntries(awareness, own, peer);
		}
		for (const { clientId, bytes } of own) measuredAs(states.get(clientId), bytes);
	};

	const handle = (data: Uint8Array) => {
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC: {
				const syncType = decoding.readVarUint(decoder);
				if (syncType === syncProtocol.messageYjsSyncStep1) {
					const stateVector = decoding.readVarUint8Array(decoder);
					peer.send(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector)));
				} else if (
					syncType === syncProtocol.messageYjsSyncStep2 ||
					syncType === syncProtocol.messageYjsUpdate
				) {
					const update = decoding.readVarUint8Array(decoder);
					if (options.readOnly) {
						if (update.byteLength > EMPTY_UPDATE_BYTES) {
							log.yjs.warn({ roomId: room.meta.id }, 'refused a write from a projector');
							metrics.refusedWrite('projector');
						}
						return;
					}
					const result = room.applyClientUpdate(update, peer);
					if (!result.applied) {
						log.yjs.warn(
							{ roomId: room.meta.id, ...result.refused },
							'closing a connection whose update is refused'
						);
						const { code, reason, counted } = refusalClose(result.refused);
						metrics.refusedWrite(counted);
						close(code, reason);
					} else if (result.stripped > 0) {
						log.yjs.warn(
							{ roomId: room.meta.id, stripped: result.stripped },
							'refused client writes to control'
						);
						metrics.refusedWrite('control', result.stripped);
					}
				} else {
					throw new MalformedMessage(`unknown sync message ${syncType}`);
				}
				return;
			}
			case MESSAGE_AWARENESS:
				if (options.readOnly) return;
				applyOwnAwareness(decoding.readVarUint8Array(decoder));
				return;
			case MESSAGE_QUERY_AWARENESS:
				peer.send(awarenessFrame(room, [...awareness.getStates().keys()]));
				return;
			default:
				throw new MalformedMessage(`unknown message type ${type}`);
		}
	};

	let messages = fullBucket(YJS_MESSAGE_RATE, performance.now());
	ws.on('message', (data, isBinary) => {
		// Frames that arrive while the connection closes are not handled.
		if (ws.readyState !== WebSocket.OPEN) return;
		const taken = take(messages, performance.now(), yjsFrameCost(frameBytes(data)));
		messages = taken.bucket;
		if (!taken.ok) {
			log.yjs.warn({ roomId: room.meta.id }, 'closing a connection that sent too many messages');
			metrics.refusedWrite('message_rate');
			close(CLOSE_POLICY_VIOLATION, LIMIT_WORDS.tooManyMessages);
			return;
		}
		if (!isBinary || !(data instanceof Buffer)) {
			close(CLOSE_UNSUPPORTED, 'binary y-websocket frames only');
			return;
		}
		try {
			handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		} catch (error) {
			// The kind of error only: a parser's message may quote what the frame carried.
			log.yjs.warn(
				{ roomId: room.meta.id, error: error instanceof Error ? error.name : typeof error },
				'closing a connection after a malformed frame'
			);
			close(CLOSE_MALFORMED, 'malformed y-websocket message');
		}
	});

	awareness.on('update', trackOwnAwareness);
	fanout.add(peer);
	peer.send(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
	const present = [...awareness.getStates().keys()];
	if (present.length > 0) peer.send(awarenessFrame(room, present));

	return { detach };
}
