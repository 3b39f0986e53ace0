import { tick } from 'svelte';
import { describe, expect, test } from 'vitest';
import type { CallState } from '../protocol/call-link';
import type { CallPlace, RoomSection } from '../room/room-sections';
import { CallCard } from './call-card.svelte';

const MEET = 'https://meet.example/abc';
const PHONE = true;
const NAMES: Record<string, string> = { me: 'Me', ana: 'Ana' };
const byMe = { url: MEET, setBy: 'me' };
const byAna = { url: 'https://meet.example/ana', setBy: 'ana' };

/**
 * A card for `me`, in a room that names its people, on a phone showing the session; `page` is
 * the room's link and the screen, which the tests set. The page itself is not looked at.
 */
function newCard() {
	const page = $state<{ call: CallState | null; compact: boolean; current: RoomSection }>({
		call: null,
		compact: PHONE,
		current: 'now'
	});
	const card = new CallCard(
		{ selfId: () => 'me', call: () => page.call, nameOf: (id) => NAMES[id] ?? id },
		() => page
	);
	/** The room's link is `call` now, and the card was rebuilt `from` → `to` with focus in it. */
	const rebuilt = (call: CallState | null, [from, to]: [CallPlace, CallPlace]) => {
		page.call = call;
		expect(card.at).toBe(to);
		return card.rebuilt(from);
	};
	/**
	 * The room's link arrives at `call`, and the card moves `from` → `to` with focus in it: told in
	 * either order, as the page's effects may run in either.
	 */
	const arrive = (call: CallState | null, move: [CallPlace, CallPlace], linkFirst: boolean) => {
		page.call = call;
		if (linkFirst) card.linkIs(call);
		const followed = rebuilt(call, move);
		if (!linkFirst) card.linkIs(call);
		return followed;
	};
	return { card, page, rebuilt, arrive };
}

describe('call card', () => {
	for (const linkFirst of [true, false]) {
		describe(linkFirst ? 'told the link first' : 'told the move first', () => {
			test("on a phone the card's move is followed to its section only after this person's own change, once", () => {
				const { card, rebuilt, arrive } = newCard();
				expect(arrive(byMe, ['more', 'now'], linkFirst)).toBeUndefined();
				card.changing(MEET);
				expect(arrive(byMe, ['more', 'now'], linkFirst)).toBe('now');
				expect(rebuilt(byMe, ['more', 'now'])).toBeUndefined();
				card.changing(null);
				expect(arrive(null, ['now', 'more'], linkFirst)).toBe('more');
			});

			test("a move to another link, someone else's, the other way, or after a refusal is not this person's", () => {
				const { card, arrive } = newCard();
				card.changing(MEET);
				expect(arrive(null, ['now', 'more'], linkFirst)).toBeUndefined();
				card.changing(MEET);
				const other = { url: 'https://meet.example/xyz', setBy: 'me' };
				expect(arrive(other, ['more', 'now'], linkFirst)).toBeUndefined();
				card.changing(null);
				expect(arrive(byMe, ['more', 'now'], linkFirst)).toBeUndefined();
				card.changing(null);
				card.refused();
				expect(arrive(null, ['now', 'more'], linkFirst)).toBeUndefined();
			});

			test('a change that moved nothing stands for no later move once the link has gone from it', () => {
				const { card, arrive } = newCard();
				// On a wide screen I remove the link: the card stays beside the session.
				card.changing(null);
				card.linkIs(null);
				// Ana shares one, and later removes it, while I have the phone's session open.
				card.linkIs(byAna);
				expect(arrive(null, ['now', 'more'], linkFirst)).toBeUndefined();
			});

			test("a change of mine still on its way is followed though someone else's arrived first", () => {
				const { card, arrive } = newCard();
				card.changing(null);
				// Ana puts her link in place of mine (the card stays), then my removal arrives.
				card.linkIs(byAna);
				expect(arrive(null, ['now', 'more'], linkFirst)).toBe('more');
			});

			test('closing a form that held the card in place follows the move it makes then', () => {
				const { card, page, rebuilt, arrive } = newCard();
				// Ana shared while I typed under More; I cancel: the card goes under the timer.
				page.call = byAna;
				card.linkIs(byAna);
				card.cancel();
				expect(rebuilt(byAna, ['more', 'now'])).toBe('now');
				// Closed while nothing moves, it stands for no move after the link changes.
				card.cancel();
				expect(arrive(null, ['now', 'more'], linkFirst)).toBeUndefined();
			});
		});
	}

	test("sharing from a form that held the card under More is this person's move, whether the server's answer or the link arrives first", () => {
		// Ana shared while I typed under More; I share mine.
		const answerFirst = newCard();
		answerFirst.card.linkIs(byAna);
		answerFirst.card.changing(MEET);
		answerFirst.card.shared(false);
		// Taken: the form closes and the card goes under the timer, Ana's link still the room's.
		expect(answerFirst.rebuilt(byAna, ['more', 'now'])).toBe('now');
		answerFirst.card.linkIs(byMe);
		expect(answerFirst.rebuilt(null, ['now', 'more'])).toBeUndefined();

		const linkFirst = newCard();
		linkFirst.card.linkIs(byAna);
		linkFirst.card.changing(MEET);
		linkFirst.card.linkIs(byMe);
		linkFirst.card.shared(true);
		expect(linkFirst.rebuilt(byMe, ['more', 'now'])).toBe('now');
	});

	test("the link is this person's doing while their change is on its way and once it came, until the next", () => {
		const { card } = newCard();
		expect(card.mine(null)).toBe(false);
		card.changing(null);
		expect(card.mine(null)).toBe(true);
		card.linkIs(null);
		expect(card.mine(null)).toBe(true);
		card.linkIs(byAna);
		expect(card.mine(byAna)).toBe(false);
		expect(card.mine(null)).toBe(false);
		card.changing(MEET);
		card.refused();
		expect(card.mine(byMe)).toBe(false);
	});

	test('on a wide screen, or turned to one, the card takes focus where it is; turned to a phone, its section opens', () => {
		const { page, rebuilt } = newCard();
		page.compact = false;
		expect(rebuilt(byAna, ['now', 'side'])).toBe('focus');
		expect(rebuilt(null, ['more', 'side'])).toBe('focus');
		page.compact = true;
		expect(rebuilt(byAna, ['side', 'now'])).toBe('now');
		expect(rebuilt(null, ['side', 'more'])).toBe('more');
	});

	test('rebuilt with focus in it, the card takes focus where focus follows it, not where it is taken from under it', () => {
		const { card, rebuilt } = newCard();
		card.changing(MEET);
		expect(rebuilt(byMe, ['more', 'now'])).toBe('now');
		expect(card.take()).toBe(true);
		expect(rebuilt(null, ['now', 'more'])).toBeUndefined();
		expect(card.take()).toBe(false);
	});

	test("someone else's change that takes the card from under focus is said: who shared, or that it was removed", async () => {
		const { card, rebuilt } = newCard();
		rebuilt(byAna, ['more', 'now']);
		await tick();
		expect(card.news.text).toBe('Ana shared a call link: “Join the call” is under “Session”.');
		rebuilt(null, ['now', 'more']);
		await tick();
		expect(card.news.text).toBe('The call link was removed.');
		// The next change of the link makes it stale.
		card.linkIs(byAna);
		expect(card.news.text).toBe('');
	});

	test('the card takes the focus asked for once', () => {
		const { card } = newCard();
		expect(card.take()).toBe(false);
		card.focusCard();
		expect(card.wanted).toBe(true);
		expect(card.take()).toBe(true);
		expect(card.take()).toBe(false);
	});
	test('open on a phone, it holds the card in its section while that shows, whatever link arrives', () => {
		const { card } = newCard();
		expect(card.place(PHONE, true, 'more')).toBe('now');
		card.start(undefined);
		card.anchor('more');
		expect(card.place(PHONE, true, 'more')).toBe('more');
		// The person shows another section: the card goes where the link puts it.
		expect(card.place(PHONE, true, 'people')).toBe('now');
		card.cancel();
		expect(card.place(PHONE, true, 'more')).toBe('now');
		card.start('https://meet.example/abc');
		card.anchor('now');
		expect(card.place(PHONE, false, 'now')).toBe('now');
		expect(card.place(!PHONE, false, 'now')).toBe('side');
	});

	test('open on a phone, it holds the card in the section the person took it to and uses it in', () => {
		const { card } = newCard();
		// Opened under More with no link; Ana shares one: the form keeps the card under More.
		card.start(undefined);
		card.anchor('more');
		expect(card.place(PHONE, true, 'more')).toBe('more');
		// The person shows the session, where Ana's link puts the card, and types there.
		expect(card.place(PHONE, true, 'now')).toBe('now');
		card.anchor('now');
		// Ana removes her link: the card stays where the person types.
		expect(card.place(PHONE, false, 'now')).toBe('now');
		// Turned to a wide screen, the card is beside the session.
		expect(card.place(!PHONE, false, 'now')).toBe('side');
	});

	test('shared from the form, the card stays where a shared link puts it until the link changes', () => {
		const { card } = newCard();
		card.start('https://meet.example/abc');
		card.shared(false);
		expect(card.open).toBe(false);
		// Someone removed the link meanwhile; the one just shared is on its way.
		expect(card.place(PHONE, false, 'now')).toBe('now');
		card.linkIs(null);
		expect(card.place(PHONE, false, 'now')).toBe('more');
		// Arrived already, it holds nothing.
		card.start(undefined);
		card.shared(true);
		expect(card.place(PHONE, false, 'more')).toBe('more');
		expect(card.place(PHONE, true, 'more')).toBe('now');
	});

	test('an open form is not closed by a change of the link', () => {
		const { card } = newCard();
		card.start(undefined);
		card.anchor('more');
		card.linkIs(null);
		expect(card.open).toBe(true);
		expect(card.place(PHONE, true, 'more')).toBe('more');
	});

	test('opened, it starts from the room’s link and shows no problems until sharing is tried', () => {
		const { card } = newCard();
		card.text = 'https://half';
		card.tried = true;
		card.start('https://meet.example/abc');
		expect([card.open, card.text, card.tried]).toEqual([true, 'https://meet.example/abc', false]);
		card.cancel();
		expect(card.open).toBe(false);
		card.start(undefined);
		expect(card.text).toBe('');
	});
});
