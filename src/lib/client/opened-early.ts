/** What the page takes over: a room's session, which it destroys when it is done with it. */
export interface EarlySession {
	readonly roomId: string;
	destroy(): void;
}

/**
 * A room session opened at start-up, before the room page's code has run, handed once to the
 * page that asks for it (docs/performance.md, "Room page"). The page asks after hydrating; by
 * then both connections are usually open and the document synced. A session for another room is
 * closed; once the page has asked, nothing opens early any more, so a start-up that finishes after
 * the page asked cannot leave a second session open that nobody takes.
 */
export class OpenedEarly<T extends EarlySession> {
	#held: T | undefined;
	#asked = false;

	/** Opens `roomId`'s session with `open`, unless the page has already asked for one. */
	open(roomId: string, open: (roomId: string) => T): void {
		if (this.#asked || this.#held) return;
		this.#held = open(roomId);
	}

	/** The session opened early for `roomId`, once; undefined when there is none to take. */
	take(roomId: string): T | undefined {
		this.#asked = true;
		const held = this.#held;
		this.#held = undefined;
		if (held?.roomId === roomId) return held;
		held?.destroy();
		return undefined;
	}
}
