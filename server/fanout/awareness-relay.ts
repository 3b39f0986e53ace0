import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';

/**
 * Awareness changes are sent to the other instances at most this often per room, merged: a
 * cursor moving at 60 Hz becomes a few messages a second, so awareness cannot crowd out document
 * updates on the way through Redis.
 */
export const AWARENESS_EVERY_MS = 100;

/** The origin y-protocols gives the removals its outdated check makes (`Awareness`, 30 s). */
const TIMEOUT_ORIGIN = 'timeout';

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * Sends a room's awareness changes made on this instance (not those that came from another) to
 * the other instances: the clients changed within {@link AWARENESS_EVERY_MS}, as one update
 * with each one's latest state.
 */
export class AwarenessRelay {
	readonly #awareness: Awareness;
	readonly #remoteOrigin: unknown;
	readonly #send: (update: Uint8Array) => void;
	readonly #heard: () => boolean;
	readonly #changed = new Set<number>();
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * `heard`: whether another instance may be listening (AwarenessFeed.heard); while none is,
	 * changes are neither collected nor encoded.
	 */
	constructor(
		awareness: Awareness,
		remoteOrigin: unknown,
		send: (update: Uint8Array) => void,
		heard: () => boolean
	) {
		this.#awareness = awareness;
		this.#remoteOrigin = remoteOrigin;
		this.#send = send;
		this.#heard = heard;
		awareness.on('update', this.#onUpdate);
	}

	readonly #onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
		// A timeout is only this instance's view: it has not heard from the client lately, which
		// after a Redis outage is true of every client on another instance, still there and live.
		if (origin === this.#remoteOrigin || origin === TIMEOUT_ORIGIN || !this.#heard()) return;
		for (const client of [...added, ...updated, ...removed]) this.#changed.add(client);
		this.#timer ??= setTimeout(() => this.#flush(), AWARENESS_EVERY_MS);
	};

	#flush(): void {
		this.#timer = undefined;
		const clients = [...this.#changed];
		this.#changed.clear();
		if (clients.length > 0) this.#send(encodeAwarenessUpdate(this.#awareness, clients));
	}

	/** Sends what is pending and stops. */
	destroy(): void {
		clearTimeout(this.#timer);
		this.#flush();
		this.#awareness.off('update', this.#onUpdate);
	}
}
