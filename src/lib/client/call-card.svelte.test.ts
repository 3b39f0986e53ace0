import { tick } from 'svelte';
import { describe, expect, test } from 'vitest';
import type { CallState } from '../protocol/call-link';
import { CallCard } from './call-card.svelte';

const MEET = 'https://meet.example/abc';
const PHONE = true;
const NAMES: Record<string, string> = { me: 'Me', ana: 'Ana' };

/** A card for `me`, in a room that names its people; its page is not looked at. */
const newCard = () =>
	new CallCard({ selfId: () => 'me', call: () => null, nameOf: (id) => NAMES[id] ?? id }, () => ({
		compact: PHONE,
		current: 'now'
	}));
const byMe = { url: MEET, setBy: 'me' };
const byAna = { url: 'https://meet.example/ana', setBy: 'ana' };

/** The room's link arrives at `call`, and the card moves `from` → `to` with focus in it: told in
 * either order, as the page's effects may run in either. */
function arrive(
	card: CallCard,
	call: CallState | null,
	[from, to]: Parameters<CallCard['rebuilt']>,
	linkFirst: boolean
) {
	if (linkFirst) card.linkIs(call);
	const followed = card.rebuilt(from, to, call);
	if (!linkFirst) card.linkIs(call);
	return followed;
}

describe('call card', () => {
	for (const linkFirst of [true, false]) {
		describe(linkFirst ? 'told the link first' : 'told the move first', () => {
			test("on a phone the card's move is followed to its section only after this person's own change, once", () => {
				const card = newCard();
				expect(arrive(card, byMe, ['more', 'now', byMe], linkFirst)).toBeUndefined();
				card.changing(MEET);
				expect(arrive(card, byMe, ['more', 'now', byMe], linkFirst)).toBe('now');
				expect(card.rebuilt('more', 'now', byMe)).toBeUndefined();
				card.changing(null);
				expect(arrive(card, null, ['now', 'more', null], linkFirst)).toBe('more');
			});

			test("a move to another link, someone else's, the other way, or after a refusal is not this person's", () => {
				const card = newCard();
				card.changing(MEET);
				expect(arrive(card, null, ['now', 'more', null], linkFirst)).toBeUndefined();
				card.changing(MEET);
				const other = { url: 'https://meet.example/xyz', setBy: 'me' };
				expect(arrive(card, other, ['more', 'now', other], linkFirst)).toBeUndefined();
				card.changing(null);
				expect(arrive(card, byMe, ['more', 'now', byMe], linkFirst)).toBeUndefined();
				card.changing(null);
				card.refused();
				expect(arrive(card, null, ['now', 'more', null], linkFirst)).toBeUndefined();
			});

			test('a change that moved nothing stands for no later move once the link has gone from it', () => {
				const card = newCard();
				// On a wide screen I remove the link: the card stays beside the session.
				card.changing(null);
				card.linkIs(null);
				// Ana shares one, and later removes it, while I have the phone's session open.
				card.linkIs(byAna);
				expect(arrive(card, null, ['now', 'more', null], linkFirst)).toBeUndefined();
			});

			test("a change of mine still on its way is followed though someone else's arrived first", () => {
				const card = newCard();
				card.changing(null);
				// Ana puts her link in place of mine (the card stays), then my removal arrives.
				card.linkIs(byAna);
				expect(arrive(card, null, ['now', 'more', null], linkFirst)).toBe('more');
			});

			test('closing a form that held the card in place follows the move it makes then', () => {
				const card = newCard();
				// Ana shared while I typed under More; I cancel: the card goes under the timer.
				card.linkIs(byAna);
				card.cancel(byAna);
				expect(card.rebuilt('more', 'now', byAna)).toBe('now');
				// Closed while nothing moves, it stands for no move after the link changes.
				card.cancel(byAna);
				expect(arrive(card, null, ['now', 'more', null], linkFirst)).toBeUndefined();
			});
		});
	}

	test("sharing from a form that held the card under More is this person's move, whether the server's answer or the link arrives first", () => {
		// Ana shared while I typed under More; I share mine.
		const answerFirst = newCard();
		answerFirst.linkIs(byAna);
		answerFirst.changing(MEET);
		answerFirst.shared(false);
		// Taken: the form closes and the card goes under the timer, Ana's link still the room's.
		expect(answerFirst.rebuilt('more', 'now', byAna)).toBe('now');
		answerFirst.linkIs(byMe);
		expect(answerFirst.rebuilt('now', 'more', null)).toBeUndefined();

		const linkFirst = newCard();
		linkFirst.linkIs(byAna);
		linkFirst.changing(MEET);
		linkFirst.linkIs(byMe);
		linkFirst.shared(true);
		expect(linkFirst.rebuilt('more', 'now', byMe)).toBe('now');
	});

	test("the link is this person's doing while their change is on its way and once it came, until the next", () => {
		const card = newCard();
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
		const card = newCard();
		expect(card.rebuilt('now', 'side', byAna)).toBe('focus');
		expect(card.rebuilt('more', 'side', null)).toBe('focus');
		expect(card.rebuilt('side', 'now', byAna)).toBe('now');
		expect(card.rebuilt('side', 'more', null)).toBe('more');
	});

	test('rebuilt with focus in it, the card takes focus where focus follows it, not where it is taken from under it', () => {
		const card = newCard();
		card.changing(MEET);
		expect(card.rebuilt('more', 'now', byMe)).toBe('now');
		expect(card.take()).toBe(true);
		expect(card.rebuilt('now', 'more', null)).toBeUndefined();
		expect(card.take()).toBe(false);
	});

	test("someone else's change that takes the card from under focus is said: who shared, or that it was removed", async () => {
		const card = newCard();
		card.rebuilt('more', 'now', byAna);
		await tick();
		expect(card.news.text).toBe('Ana shared a call link: “Join the call” is under “Session”.');
		card.rebuilt('now', 'more', null);
		await tick();
		expect(card.news.text).toBe('The call link was removed.');
		// The next change of the link makes it stale.
		card.linkIs(byAna);
		expect(card.news.text).toBe('');
	});

	test('the card takes the focus asked for once', () => {
		const card = newCard();
		expect(card.take()).toBe(false);
		card.focusCard();
		expect(card.wanted).toBe(true);
		expect(card.take()).toBe(true);
		expect(card.take()).toBe(false);
	});
	test('open on a phone, it holds the card in its section while that shows, whatever link arrives', () => {
		const card = newCard();
		expect(card.place(PHONE, true, 'more')).toBe('now');
		card.start(undefined);
		card.anchor('more');
		expect(card.place(PHONE, true, 'more')).toBe('more');
		// The person shows another section: the card goes where the link puts it.
		expect(card.place(PHONE, true, 'people')).toBe('now');
		card.cancel(null);
		expect(card.place(PHONE, true, 'more')).toBe('now');
		card.start('https://meet.example/abc');
		card.anchor('now');
		expect(card.place(PHONE, false, 'now')).toBe('now');
		expect(card.place(!PHONE, false, 'now')).toBe('side');
	});

	test('open on a phone, it holds the card in the section the person took it to and uses it in', () => {
		const card = newCard();
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
		const card = newCard();
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
		const card = newCard();
		card.start(undefined);
		card.anchor('more');
		card.linkIs(null);
		expect(card.open).toBe(true);
		expect(card.place(PHONE, true, 'more')).toBe('more');
	});

	test('opened, it starts from the room’s link and shows no problems until sharing is tried', () => {
		const card = newCard();
		card.text = 'https://half';
		card.tried = true;
		card.start('https://meet.example/abc');
		expect([card.open, card.text, card.tried]).toEqual([true, 'https://meet.example/abc', false]);
		card.cancel(null);
		expect(card.open).toBe(false);
		card.start(undefined);
		expect(card.text).toBe('');
	});
});
