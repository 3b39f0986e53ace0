/**
 * Keyboard focus and the call card, which a change of the link can rebuild elsewhere: on a phone
 * it shows under the timer once a link is shared, under More otherwise. Focus follows the card to
 * its new section only after this person's own change; a link someone else shares or removes
 * leaves them in the section they are in, typing or reading, rather than switching it under them.
 * Create it while the page initialises; the card shown takes the focus it asks for.
 */
export class CallCardFocus {
	/** Whether this person's own change, on its way, shares a link (true) or removes it (false). */
	#awaited: boolean | undefined;
	/** The card is to take focus: the one on the page takes it (`take`). */
	wanted = $state(false);

	/** This person shares a link (`sharing`) or removes it: the card may move with their change. */
	changing(sharing: boolean): void {
		this.#awaited = sharing;
	}

	/** The change was not taken: a later move of the card is someone else's. */
	refused(): void {
		this.#awaited = undefined;
	}

	/**
	 * The card moved with focus in it, the room now having a link (`linked`) or not: whether the
	 * move is this person's own change, to be followed. Answers once per change.
	 */
	ownMove(linked: boolean): boolean {
		const own = this.#awaited === linked;
		this.#awaited = undefined;
		return own;
	}

	/** Asks the card on the page to take focus. */
	focusCard(): void {
		this.wanted = true;
	}

	/** The card calls this to take the focus asked for: whether it was asked. */
	take(): boolean {
		const asked = this.wanted;
		this.wanted = false;
		return asked;
	}
}
