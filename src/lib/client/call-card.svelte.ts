import { untrack } from 'svelte';
import { m } from '../paraglide/messages';
import { callKey, type CallState } from '../protocol/call-link';
import { callPlace, type CallPlace, type RoomSection } from '../room/room-sections';
import { LiveNews } from './live-news.svelte';
import type { PhoneSections } from './phone-sections.svelte';

/** The room as the call card sees it. */
export interface CallCardRoom {
	/** This person. */
	selfId(): string;
	/** The room's link, if one is shared. */
	call(): CallState | null;
	/** The name of someone in the room, who shared a link. */
	nameOf(participantId: string): string;
}

/** The page's sections: tabs on a phone (`compact`), one shown (`current`). */
type CallCardSections = Pick<PhoneSections, 'compact' | 'current'>;

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
 * The call card, which a change of the room's link or a turn of the screen can rebuild elsewhere:
 * on a phone it shows under the timer once a link is shared, under More otherwise.
 *
 * Its form is kept here, so a half-typed link stays as typed; open on a phone, the form holds the
 * card in the section the person uses it in, while that section shows, so someone else sharing or
 * removing a link does not take the form, and the keyboard with it, away from under their fingers.
 *
 * Focus follows the card to its new section only after this person's own doing (their share or
 * removal, closing a form that held the card in place, turning the screen); a link someone else
 * shares or removes leaves them in the section they are in, typing or reading, rather than
 * switching it under them, and the room says why focus left the card (`news`).
 * Create it while the page initialises; the card shown takes the focus it asks for.
 */
export class CallCard {
	/** The link this person's own doing puts the room at, the card's move to it theirs to follow. */
	#mark: Mark | undefined;
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
	/** The card is to take focus: the one on the page takes it (`take`). */
	wanted = $state(false);
	/** Said when someone else's change took the card, and focus in it, to another section. */
	readonly news = new LiveNews();

	readonly #at = $derived.by(() =>
		this.place(this.#sections().compact, this.#room.call() !== null, this.#sections().current)
	);
	readonly #room: CallCardRoom;
	readonly #sections: () => CallCardSections;

	/** A card without the page's wiring, for tests: a page makes its card with `create`. */
	constructor(room: CallCardRoom, sections: () => CallCardSections) {
		this.#room = room;
		this.#sections = sections;
	}

	/**
	 * The page's card, told each change of the room's link (not of the rest of the room) and each
	 * turn of the screen; its open form holds it in the section the person uses it in, as they
	 * switch sections. Call it while the page initialises, before the card's move is handled
	 * (`rebuilt`), so what was said is cleared before that may say more.
	 */
	static create(room: CallCardRoom, sections: () => CallCardSections): CallCard {
		const card = new CallCard(room, sections);
		$effect(() => {
			if (card.open && card.at === sections().current) card.anchor(card.at);
		});
		const link = $derived(callKey(room.call()));
		$effect(() => {
			void link;
			untrack(() => card.linkIs(room.call()));
		});
		// What was said is stale once the screen turns: the region, drawn anew, would be read out.
		$effect(() => {
			void sections().compact;
			untrack(() => card.news.clear());
		});
		return card;
	}

	/** Where the card shows on the page (`place`). */
	get at(): CallPlace {
		return this.#at;
	}

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

	/** This person shares `url` (normalized as the server stores it), or removes the link (`null`). */
	changing(url: string | null): void {
		this.#mark = { url, setBy: this.#room.selfId(), arrived: false, taken: false };
	}

	/** The change was not taken: a later move of the card is someone else's. */
	refused(): void {
		this.#mark = undefined;
	}

	/**
	 * The server took the link shared from the form (`arrived`: the room's link is it already), and
	 * the form closes. Until the room's link changes, the card stays where a shared link puts it,
	 * rather than going where the old one (none) does and coming back, taking focus out of it; it
	 * may move there before the link comes, and that move is this person's.
	 */
	shared(arrived: boolean): void {
		if (this.#mark) this.#mark.taken = true;
		this.#hold = arrived ? undefined : { at: callPlace(true, true), open: false };
	}

	/**
	 * This person cancels the form: it kept the card in place while the room's link changed, and
	 * the move it makes now is theirs.
	 */
	cancel(): void {
		const call = this.#room.call();
		this.#hold = undefined;
		this.#mark = { url: call?.url ?? null, setBy: call?.setBy ?? '', arrived: true, taken: true };
	}

	/**
	 * The room's link is now `call` (told once per change, before or after the card's move): what
	 * was said of the last one is stale, and a link shared from the form holds the card no more.
	 * A mark the link has come to and gone from stands for no later move (a new link in place of
	 * one, or a wide screen, moved nothing); a change still on its way keeps its mark though someone
	 * else's arrives first.
	 */
	linkIs(call: CallState | null): void {
		this.news.clear();
		if (this.#hold && !this.#hold.open) this.#hold = undefined;
		const mark = this.#mark;
		if (!mark) return;
		if (this.mine(call)) mark.arrived = true;
		else if (mark.arrived) this.#mark = undefined;
	}

	/**
	 * The card was rebuilt with focus in it, from place `from` to where it is now (`at`): where
	 * focus follows it. `'focus'`: the card takes focus where it is (a wide screen shows every
	 * section); a section: it opens and the card takes focus; `undefined`: focus stays out of it,
	 * and the room says why. A move to another of the phone's sections follows this person's own
	 * doing, once: their link arrived, or taken and on its way to where the move goes.
	 */
	rebuilt(from: CallPlace): RoomSection | 'focus' | undefined {
		const to = this.#at;
		const call = this.#room.call();
		// Turned to or from a wide screen, the card moved by this person's doing: focus follows.
		if (to !== 'side' && from !== 'side') {
			if (!this.mine(call) && !this.#bound(to)) {
				this.#lost(call);
				return undefined;
			}
			this.#mark = undefined;
		}
		this.focusCard();
		return to === 'side' ? 'focus' : to;
	}

	/** Whether a change of this person's, taken but still on its way, puts the card at `to`. */
	#bound(to: CallPlace): boolean {
		const mark = this.#mark;
		return mark?.taken === true && !mark.arrived && callPlace(true, mark.url !== null) === to;
	}

	/** Someone else's change took the card from under focus: the room says what they did. */
	#lost(call: CallState | null): void {
		void this.news.say(
			call
				? m.room_call_shared_news({
						name: this.#room.nameOf(call.setBy),
						join: m.room_call_join(),
						section: m.room_section_now()
					})
				: m.room_call_removed_news()
		);
	}

	/**
	 * Whether the room's link `call` is the one this person's change awaits, whichever of the
	 * server's answer and the link came first: theirs is not news to them.
	 */
	mine(call: CallState | null): boolean {
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
