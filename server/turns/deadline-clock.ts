/** setTimeout's longest delay (about 24.8 days); a later wake is reached in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface DeadlineClockDeps {
	/** Server wall-clock time in ms: deadlines are server time (protocol A10). */
	now(): number;
	/** Looks at the room's schedule now, under its single writer (`async.tick`). */
	wake(roomId: string): Promise<void>;
	/** Reports a wake that failed; the next change or load of the room arms the clock again. */
	failed(roomId: string, error: unknown): void;
}

/**
 * One timer per room with a deadline ahead, armed at the server time its schedule next needs
 * looking at (`nextWakeAt`): when a room loads (also after a restart) and whenever its control
 * state changes. Arming again replaces the room's timer; a wake that finds nothing due changes
 * nothing, so two instances waking for one room is harmless.
 */
export class DeadlineClock {
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(private readonly deps: DeadlineClockDeps) {}

	/** Wakes for `roomId` at server time `at`, or never when undefined. */
	arm(roomId: string, at: number | undefined): void {
		clearTimeout(this.#timers.get(roomId));
		this.#timers.delete(roomId);
		if (at === undefined) return;
		const delay = Math.max(0, at - this.deps.now());
		const timer = setTimeout(
			() => {
				this.#timers.delete(roomId);
				if (delay > MAX_DELAY_MS) return this.arm(roomId, at);
				this.deps.wake(roomId).catch((error: unknown) => this.deps.failed(roomId, error));
			},
			Math.min(delay, MAX_DELAY_MS)
		);
		// A pending deadline does not keep the process alive at shutdown.
		timer.unref();
		this.#timers.set(roomId, timer);
	}

	/** Rooms with a timer armed. */
	get armed(): number {
		return this.#timers.size;
	}

	stop(): void {
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
	}
}
