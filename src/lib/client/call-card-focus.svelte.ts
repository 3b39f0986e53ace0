import type { CallState } from '../protocol/call-link';

/**
 * Keyboard focus and the call card, which a change of the link can rebuild elsewhere: on a phone
 * it shows under the timer once a link is shared, under More otherwise. Focus follows the card to
 * its new section only after this person's own change; a link someone else shares or removes
 * leaves them in the section they are in, typing or reading, rather than switching it under them.
 * Create it while the page initialises; the card shown takes the focus it asks for.
 */
export class CallCardFocus {
	/** This person's own change on its way: the link they share, or `null` for a removal. */
	#awaited: { url: string | null } | undefined;
	/** The card is to take focus: the one on the page takes it (`take`). */
	wanted = $state(false);

	constructor(private readonly selfId: () => string) {}

	/** This person shares `url` (normalized as the server stores it), or removes the link (`null`). */
	changing(url: string | null): void {
		this.#awaited = { url };
	}

	/** The change was not taken: a later move of the card is someone else's. */
	refused(): void {
		this.#awaited = undefined;
	}

	/**
	 * The card moved with focus in it, the room's link now being `call`: whether the move is this
	 * person's own change, to be followed. Matched by what the change was, and answered once.
	 */
	ownMove(call: CallState | null): boolean {
		const awaited = this.#awaited;
		this.#awaited = undefined;
		if (!awaited) return false;
		return awaited.url === null
			? call === null
			: call?.url === awaited.url && call.setBy === this.selfId();
	}

	/**
	 * The room's link changed, after any move of the card was handled: a change still awaited moved
	 * nothing (a new link in place of one, a wide screen), so it no longer stands for a later move.
	 */
	linkChanged(): void {
		this.#awaited = undefined;
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
