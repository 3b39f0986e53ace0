import { callPlace, type CallPlace, type RoomSection } from '../room/room-sections';

/**
 * The call card's form, kept outside the card, which a change of the room's link or a turn of the
 * screen can rebuild elsewhere: a half-typed link stays as typed. On a phone the form holds the
 * card in the section the person uses it in, while that section shows, so someone else sharing or
 * removing a link does not take the form, and the keyboard with it, away from under their fingers.
 * Create it while the page initialises.
 */
export class CallLinkDraft {
	/**
	 * What holds the card: the open form (`open`), or the link this person just shared from it, on
	 * its way; `at`: the phone's section it holds the card in, once known.
	 */
	#hold = $state<{ at: CallPlace | undefined; open: boolean }>();
	/** The link as typed. */
	text = $state('');
	/** Sharing was tried: what is wrong with the text shows. */
	tried = $state(false);
	/**
	 * The link shared from the form is on its way to the server: sharing again waits, in a card
	 * rebuilt meanwhile too.
	 */
	saving = $state(false);

	/** Whether the form is open. */
	get open(): boolean {
		return this.#hold?.open === true;
	}

	/**
	 * Where the card shows (`callPlace`), the room's link being shared or not (`linked`) and the
	 * section `shown` on a phone: where the form holds it while that section shows.
	 */
	place(compact: boolean, linked: boolean, shown: RoomSection): CallPlace {
		const free = callPlace(compact, linked);
		const held = this.#hold?.at;
		return compact && held === shown ? held : free;
	}

	/**
	 * The open form shows on a phone in section `at`, the one shown: it holds the card there, where
	 * the person uses it, though they opened it elsewhere.
	 */
	anchor(at: CallPlace): void {
		if (this.#hold?.open && this.#hold.at !== at) this.#hold.at = at;
	}

	/** Opens the form on the room's link `url`, or empty when there is none. */
	start(url: string | undefined): void {
		this.text = url ?? '';
		this.tried = false;
		this.#hold = { at: undefined, open: true };
	}

	/** Closes the form: the card goes where the room's link puts it. */
	close(): void {
		this.#hold = undefined;
	}

	/**
	 * Closes the form on sharing a link, taken by the server: until the room's link changes
	 * (`arrived`: it has), the card stays where a shared link puts it, rather than going where the
	 * old one (none) does and coming back, taking focus out of it.
	 */
	shared(arrived: boolean): void {
		this.#hold = arrived ? undefined : { at: callPlace(true, true), open: false };
	}

	/** The room's link changed: a link shared from the form has arrived, and holds no more. */
	linkChanged(): void {
		if (this.#hold && !this.#hold.open) this.#hold = undefined;
	}
}
