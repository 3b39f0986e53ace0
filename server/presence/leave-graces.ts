import type { Participant } from '../../src/lib/protocol/presence';

/** A leave grace under way: its timer, and the person's last tab here, whose record it keeps. */
interface Grace {
	timer: ReturnType<typeof setTimeout>;
	tab: Participant;
}

/**
 * The leave graces under way on this instance, by room and participant id: one per person whose
 * last tab here closed, ending by itself after `graceMs` unless ended before (a tab of theirs
 * joins again, a removal, an erase, the server closing). No I/O besides its timers.
 */
export class LeaveGraces {
	/** Room → participant id → grace. Emptied maps are deleted. */
	readonly #byRoom = new Map<string, Map<string, Grace>>();

	constructor(private readonly graceMs: number) {}

	/**
	 * Starts the grace of `tab`'s person, ending any they have (two tabs closing at once: one
	 * grace, the latest); `onEnd` runs when it ends by itself.
	 */
	start(roomId: string, tab: Participant, onEnd: () => void): void {
		const { participantId } = tab;
		this.end(roomId, participantId);
		const timer = setTimeout(() => {
			this.end(roomId, participantId);
			onEnd();
		}, this.graceMs);
		timer.unref();
		let room = this.#byRoom.get(roomId);
		if (!room) this.#byRoom.set(roomId, (room = new Map()));
		room.set(participantId, { timer, tab });
	}

	/** Ends someone's grace in a room, if they have one, without its `onEnd`. */
	end(roomId: string, participantId: string): void {
		const room = this.#byRoom.get(roomId);
		if (!room) return;
		clearTimeout(room.get(participantId)?.timer);
		room.delete(participantId);
		if (room.size === 0) this.#byRoom.delete(roomId);
	}

	/** Ends every grace in a room, without their `onEnd`. */
	endRoom(roomId: string): void {
		for (const { timer } of this.#byRoom.get(roomId)?.values() ?? []) clearTimeout(timer);
		this.#byRoom.delete(roomId);
	}

	/** Ends every grace, without their `onEnd`. */
	clear(): void {
		for (const roomId of [...this.#byRoom.keys()]) this.endRoom(roomId);
	}

	/** The tabs whose records the graces under way keep, with their rooms. */
	*tabs(): Generator<{ roomId: string; tab: Participant }> {
		for (const [roomId, room] of this.#byRoom)
			for (const { tab } of room.values()) yield { roomId, tab };
	}
}
