import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { LoadedRoom } from '../rooms/loaded-room';
import { binaryFrame } from './ws-frame';

/** y-websocket's top-level message types. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** A connection as the fan-out sees it: something to send a frame to. */
export interface Peer {
	/** Sends a whole WebSocket frame (see {@link binaryFrame}). */
	send(frame: Buffer): void;
}

export function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** A y-websocket message as the WebSocket frame that carries it. */
export function frame(type: number, write: (encoder: encoding.Encoder) => void): Buffer {
	return binaryFrame(message(type, write));
}

/** A frame with the room's awareness states of `clients`. */
export function awarenessFrame(room: Pick<LoadedRoom, 'awareness'>, clients: number[]): Buffer {
	return frame(MESSAGE_AWARENESS, (encoder) =>
		encoding.writeVarUint8Array(
			encoder,
			awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients)
		)
	);
}

/**
 * Relays a room's document and awareness changes to its connections, encoding each change once
 * for the whole room rather than once per connection, and never echoing a change to the
 * connection it came from.
 */
export class RoomFanout {
	readonly #peers = new Set<Peer>();
	/** An awareness update being applied, while {@link relayAsSent} applies it. */
	#asSent: { origin: Peer; update: Uint8Array; entries: number } | undefined;

	constructor(room: Pick<LoadedRoom, 'doc' | 'awareness'>) {
		room.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (this.#peers.size === 0) return;
			this.#broadcast(
				frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update)),
				origin
			);
		});
		room.awareness.on(
			'update',
			(
				{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
				origin: unknown
			) => {
				if (this.#peers.size === 0) return;
				const changed = [...added, ...updated, ...removed];
				const asSent = this.#asSent;
				this.#broadcast(
					asSent !== undefined && asSent.origin === origin && asSent.entries === changed.length
						? frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, asSent.update))
						: awarenessFrame(room, changed),
					origin
				);
			}
		);
	}

	/**
	 * Runs `apply`, which applies `update`, an awareness update of `entries` entries from
	 * `origin`, checked whole (awarenessEntries). When every entry changed the room (none was
	 * older than the state there), the others receive the update as it came: the same clients,
	 * clocks and states that encoding them again would give, without encoding them again.
	 */
	relayAsSent(origin: Peer, update: Uint8Array, entries: number, apply: () => void): void {
		this.#asSent = { origin, update, entries };
		try {
			apply();
		} finally {
			this.#asSent = undefined;
		}
	}

	add(peer: Peer): void {
		this.#peers.add(peer);
	}

	delete(peer: Peer): void {
		this.#peers.delete(peer);
	}

	/** Sends one frame, framed once, to every connection but the change's origin. */
	#broadcast(data: Buffer, origin: unknown): void {
		for (const peer of this.#peers) if (peer !== origin) peer.send(data);
	}
}

const fanouts = new WeakMap<LoadedRoom, RoomFanout>();

/** The room's one fan-out, made on first use and gone with the room. */
export function fanoutOf(room: LoadedRoom): RoomFanout {
	let fanout = fanouts.get(room);
	if (!fanout) fanouts.set(room, (fanout = new RoomFanout(room)));
	return fanout;
}
