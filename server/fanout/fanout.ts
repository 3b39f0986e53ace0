import { log } from '../log';

/** One entry of a document's log, as the instances following it receive it. */
export interface FanoutEntry {
	update: Uint8Array;
	/**
	 * The instance that appended it; {@link RELOADED} when the entries are the whole stored
	 * document again (after the connection to the shared backend came back).
	 */
	origin: string;
}

/** Origin of entries that are the stored document read again, not one instance's append. */
export const RELOADED = 'reloaded';

/** Delivers a document's entries in log order, with the log position of the last one. */
export type DeliverEntries = (entries: FanoutEntry[], cursor: string | undefined) => void;

/** Delivers another instance's awareness update for a room. */
export type DeliverAwareness = (update: Uint8Array) => void;

/**
 * How the instances serving one room hear each other (docs/scale-out.md). Every document update
 * an instance stores is appended to the room's log and reaches every instance that follows the
 * document once, tagged with the instance that appended it, so none applies or relays it twice.
 * Awareness, which is not stored, travels the same way without a log.
 *
 * Implementations: in process (embedded default; one instance, or several in one test process)
 * and Redis; both pass tests/integration/fanout.contract.ts.
 */
export interface Fanout {
	/** This instance: what its appends are tagged with. */
	readonly instanceId: string;
	/**
	 * Delivers every entry appended to `docId`'s log after `cursor`, by any instance (this one
	 * included, so that the follower knows how far the log goes), until the answered function is
	 * called. Entries appended between the read that gave `cursor` and this call are delivered
	 * too. A document is followed at most once per instance.
	 */
	follow(docId: string, cursor: string | undefined, deliver: DeliverEntries): () => void;
	/** Sends an awareness update of a room to the other instances following it. */
	publishAwareness(roomId: string, update: Uint8Array): void;
	/** Delivers the other instances' awareness updates of a room until the answer is called. */
	followAwareness(roomId: string, deliver: DeliverAwareness): () => void;
	close(): Promise<void>;
}

/** A log position as numbers: Redis stream ids are `ms-seq`, SQLite's are sequence numbers. */
function position(cursor: string): [bigint, bigint] {
	const [major = '0', minor = '0'] = cursor.split('-');
	return [BigInt(major), BigInt(minor)];
}

/** Whether log position `a` comes after `b` (any position comes after none). */
export function isAfter(a: string, b: string | undefined): boolean {
	if (b === undefined) return true;
	const [a1, a2] = position(a);
	const [b1, b2] = position(b);
	return a1 > b1 || (a1 === b1 && a2 > b2);
}

/**
 * `deliver`, never throwing: one follower's failure must not reach the instance that appended
 * (in process) or node-redis's reply decoder, where a throw drops whatever else arrived in the
 * same chunk (Redis).
 */
export function guarded<T extends unknown[]>(
	deliver: (...args: T) => void,
	context: { docId: string } | { roomId: string }
): (...args: T) => void {
	return (...args) => {
		try {
			deliver(...args);
		} catch (error) {
			log.rooms.error({ ...context, err: error }, 'delivering from the fan-out failed');
		}
	};
}
