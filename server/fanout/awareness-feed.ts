import { log } from '../log';

/** Delivers another instance's awareness update for a room. */
export type DeliverAwareness = (update: Uint8Array) => void;

/**
 * How a room's awareness (cursors, names: never stored) reaches the other instances serving it
 * (docs/scale-out.md). Implementations: in process (`LocalHub`) and Redis pub/sub; both pass
 * tests/integration/document-log.contract.ts with the document log they go with.
 */
export interface AwarenessFeed {
	/** Sends an awareness update of a room to the other instances following it. */
	publish(roomId: string, update: Uint8Array): void;
	/** Delivers the other instances' awareness updates of a room until the answer is called. */
	follow(roomId: string, deliver: DeliverAwareness): () => void;
	/**
	 * Whether another instance may follow the room's awareness: false only when none can (in
	 * process, the one instance of the embedded deployment), so that nothing is collected and
	 * encoded for nobody.
	 */
	heard(roomId: string): boolean;
}

/**
 * `deliver`, never throwing: one subscriber's failure must not reach the instance that appended
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
