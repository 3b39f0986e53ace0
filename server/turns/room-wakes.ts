import type { WakeIndex } from './wake-index';

/** Rooms read from the wake index per sweep; a later sweep takes the rest. */
const WAKES_PER_SWEEP = 500;

export interface RoomWakesDeps {
	/** This instance's timers (`DeadlineClock`). */
	clock: { arm(roomId: string, at: number | undefined): void };
	index: WakeIndex;
	/** Server time in ms (with `ROOM_CLOCK_OFFSET_MS`). */
	now(): number;
	/**
	 * How often the index is read: each sweep arms the wakes due before the next one, so a room
	 * nobody has open is woken on time (protocol A14).
	 */
	everyMs: number;
	/** Reports a failed index write or sweep; the next change or sweep tries again. */
	failed(error: unknown): void;
}

/**
 * Keeps the stored wake index in step with this instance's deadline clock, and arms the clock
 * from the index for rooms nobody has open: at start and every `everyMs` (protocol A14, A15).
 */
export class RoomWakes {
	/** What this instance last wrote per room, so an unchanged schedule writes nothing. */
	readonly #written = new Map<string, number>();
	#timer: ReturnType<typeof setInterval> | undefined;
	#sweeping: Promise<void> | undefined;

	constructor(private readonly deps: RoomWakesDeps) {}

	/**
	 * A room has just loaded with its schedule next needing the server at `at`: written whatever
	 * this instance wrote before, so an entry left stale (a failed write, another release) is
	 * set right and does not wake the room again and again.
	 */
	loaded(roomId: string, at: number | undefined): void {
		// NaN: "the index may hold anything", which no wake time equals, so it is written.
		this.#written.set(roomId, Number.NaN);
		this.schedule(roomId, at);
	}

	/** A loaded room's schedule next needs the server at `at` (undefined: never). */
	schedule(roomId: string, at: number | undefined): void {
		this.deps.clock.arm(roomId, at);
		if (at === undefined) {
			if (!this.#written.has(roomId)) return;
			this.#written.delete(roomId);
			this.deps.index.remove(roomId).catch(this.deps.failed);
			return;
		}
		if (this.#written.get(roomId) === at) return;
		this.#written.set(roomId, at);
		this.deps.index.set(roomId, at).catch((error: unknown) => {
			// Written again at the next change rather than thought written.
			if (this.#written.get(roomId) === at) this.#written.delete(roomId);
			this.deps.failed(error);
		});
	}

	/** The room is gone (erased, expired): its wake goes from the index. */
	async forget(roomId: string): Promise<void> {
		this.#written.delete(roomId);
		this.deps.clock.arm(roomId, undefined);
		await this.deps.index.remove(roomId);
	}

	/**
	 * Arms the clock for every wake due before the next sweep that this instance claims; the
	 * claim lasts past that sweep, so of several instances one loads the room.
	 */
	sweep(): Promise<void> {
		this.#sweeping ??= (async () => {
			const until = this.deps.now() + this.deps.everyMs;
			for (const { roomId, at } of await this.deps.index.due(until, WAKES_PER_SWEEP)) {
				if (await this.deps.index.claim(roomId, at, 3 * this.deps.everyMs)) {
					this.deps.clock.arm(roomId, at);
				}
			}
		})().finally(() => (this.#sweeping = undefined));
		return this.#sweeping;
	}

	/** Sweeps now and every `everyMs`, on a timer that does not keep the process alive. */
	start(): void {
		const sweep = () => void this.sweep().catch(this.deps.failed);
		sweep();
		this.#timer = setInterval(sweep, this.deps.everyMs);
		this.#timer.unref();
	}

	/** Stops sweeping and waits for a sweep under way. */
	async stop(): Promise<void> {
		clearInterval(this.#timer);
		await this.#sweeping?.catch(() => undefined);
	}
}
