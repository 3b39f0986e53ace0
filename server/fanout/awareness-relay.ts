import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';

/**
 * Awareness changes are sent to the other instances at most this often per room, merged: a
 * cursor moving at 60 Hz becomes a few messages a second, so awareness cannot crowd out document
 * updates on the way through Redis.
 */
export const AWARENESS_EVERY_MS = 100;

/**
 * Sends a room's awareness changes made on this instance (not those that came from another) to
 * the other instances: the clients changed within {@link AWARENESS_EVERY_MS}, as one update
 * with each one's latest state.
 */
export class AwarenessRelay {
	readonly #changed = new Set<number>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	readonly #onUpdate: (
		change: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => void;

	constructor(
		private readonly awareness: Awareness,
		remoteOrigin: unknown,
		private readonly send: (update: Uint8Array) => void
	) {
		this.#onUpdate = ({ added, updated, removed }, origin) => {
			if (origin === remoteOrigin) return;
			for (const client of [...added, ...updated, ...removed]) this.#changed.add(client);
			this.#timer ??= setTimeout(() => this.#flush(), AWARENESS_EVERY_MS);
		};
		awareness.on('update', this.#onUpdate);
	}

	#flush(): void {
		this.#timer = undefined;
		const clients = [...this.#changed];
		this.#changed.clear();
		if (clients.length > 0) this.send(encodeAwarenessUpdate(this.awareness, clients));
	}

	/** Sends what is pending and stops. */
	destroy(): void {
		clearTimeout(this.#timer);
		this.#flush();
		this.awareness.off('update', this.#onUpdate);
	}
}
