import type { CallState } from '../protocol/call-link';
import { callPlace, type CallPlace, type RoomSection } from '../room/room-sections';

/** A link the card's next move is awaited at: a url someone set, or none (`null`). */
interface Mark {
	url: string | null;
	setBy: string;
	/** The room's link has been seen at it: the next different link leaves it behind. */
	arrived: boolean;
	/** The server took this person's change: the card may move for it before the link comes. */
	taken: boolean;
}

/**
 * Keyboard focus and the call card, which a change of the link can rebuild elsewhere: on a phone
 * it shows under the timer once a link is shared, under More otherwise. Focus follows the card to
 * its new section only after this person's own doing (their share or removal, closing a form that
 * held the card in place, turning the screen); a link someone else shares or removes leaves them
 * in the section they are in, typing or reading, rather than switching it under them.
 * Create it while the page initialises; the card shown takes the focus it asks for.
 */
export class CallCardFocus {
	/** The link this person's own doing puts the room at, the card's move to it theirs to follow. */
	#mark: Mark | undefined;
	/** The card is to take focus: the one on the page takes it (`take`). */
	wanted = $state(false);

	constructor(private readonly selfId: () => string) {}

	/** This person shares `url` (normalized as the server stores it), or removes the link (`null`). */
	changing(url: string | null): void {
		this.#mark = { url, setBy: this.selfId(), arrived: false, taken: false };
	}

	/**
	 * The server took the change: closing the form that held the card, it may move to where the
	 * change puts it before the room's link comes, and that move is this person's.
	 */
	taken(): void {
		if (this.#mark) this.#mark.taken = true;
	}

	/** The change was not taken: a later move of the card is someone else's. */
	refused(): void {
		this.#mark = undefined;
	}

	/**
	 * This person closed the card's form, the room's link being `call`: a form kept the card in
	 * place while the link changed, and the move it makes now is theirs.
	 */
	closed(call: CallState | null): void {
		this.#mark = { url: call?.url ?? null, setBy: call?.setBy ?? '', arrived: true, taken: true };
	}

	/**
	 * The room's link is now `call` (told on every change, before or after the card's move): a mark
	 * the link has come to and gone from stands for no later move (a new link in place of one, or a
	 * wide screen, moved nothing). A change still on its way keeps its mark though someone else's
	 * arrives first.
	 */
	linkIs(call: CallState | null): void {
		const mark = this.#mark;
		if (!mark) return;
		if (this.#marks(call)) mark.arrived = true;
		else if (mark.arrived) this.#mark = undefined;
	}

	/**
	 * The card was rebuilt with focus in it, from place `from` to `to`, the room's link now `call`:
	 * where focus follows it. `'focus'`: the card takes focus where it is (a wide screen shows every
	 * section); a section: it opens and the card takes focus; `undefined`: focus stays out of it.
	 * A move to another of the phone's sections follows this person's own doing, once: their link
	 * arrived, or taken and on its way to where the move goes.
	 */
	follow(
		from: CallPlace,
		to: CallPlace,
		call: CallState | null
	): RoomSection | 'focus' | undefined {
		if (to === 'side') return 'focus';
		// The screen narrowed to a phone's: the person turned it, with focus in the card.
		if (from === 'side') return to;
		if (!this.#marks(call) && !this.#bound(to)) return undefined;
		this.#mark = undefined;
		return to;
	}

	/** Whether a change of this person's, taken but still on its way, puts the card at `to`. */
	#bound(to: CallPlace): boolean {
		const mark = this.#mark;
		return mark?.taken === true && !mark.arrived && callPlace(true, mark.url !== null) === to;
	}

	/**
	 * Whether the room's link being `call` is this person's doing, whichever of the server's answer
	 * and the link came first: theirs is not news to them.
	 */
	mine(call: CallState | null): boolean {
		return this.#marks(call);
	}

	/** Whether the room's link `call` is the one the mark awaits. */
	#marks(call: CallState | null): boolean {
		const mark = this.#mark;
		if (!mark) return false;
		return mark.url === null ? call === null : call?.url === mark.url && call.setBy === mark.setBy;
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
