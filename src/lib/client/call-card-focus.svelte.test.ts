import { describe, expect, test } from 'vitest';
import type { CallState } from '../protocol/call-link';
import { CallCardFocus } from './call-card-focus.svelte';

const MEET = 'https://meet.example/abc';
const byMe = { url: MEET, setBy: 'me' };
const byAna = { url: 'https://meet.example/ana', setBy: 'ana' };

/** The room's link arrives at `call`, and the card moves `from` → `to` with focus in it: told in
 * either order, as the page's effects may run in either. */
function arrive(
	focus: CallCardFocus,
	call: CallState | null,
	[from, to]: Parameters<CallCardFocus['follow']>,
	linkFirst: boolean
) {
	if (linkFirst) focus.linkIs(call);
	const followed = focus.follow(from, to, call);
	if (!linkFirst) focus.linkIs(call);
	return followed;
}

describe('call card focus', () => {
	for (const linkFirst of [true, false]) {
		describe(linkFirst ? 'told the link first' : 'told the move first', () => {
			test("on a phone the card's move is followed to its section only after this person's own change, once", () => {
				const focus = new CallCardFocus(() => 'me');
				expect(arrive(focus, byMe, ['more', 'now', byMe], linkFirst)).toBeUndefined();
				focus.changing(MEET);
				expect(arrive(focus, byMe, ['more', 'now', byMe], linkFirst)).toBe('now');
				expect(focus.follow('more', 'now', byMe)).toBeUndefined();
				focus.changing(null);
				expect(arrive(focus, null, ['now', 'more', null], linkFirst)).toBe('more');
			});

			test("a move to another link, someone else's, the other way, or after a refusal is not this person's", () => {
				const focus = new CallCardFocus(() => 'me');
				focus.changing(MEET);
				expect(arrive(focus, null, ['now', 'more', null], linkFirst)).toBeUndefined();
				focus.changing(MEET);
				const other = { url: 'https://meet.example/xyz', setBy: 'me' };
				expect(arrive(focus, other, ['more', 'now', other], linkFirst)).toBeUndefined();
				focus.changing(null);
				expect(arrive(focus, byMe, ['more', 'now', byMe], linkFirst)).toBeUndefined();
				focus.changing(null);
				focus.refused();
				expect(arrive(focus, null, ['now', 'more', null], linkFirst)).toBeUndefined();
			});

			test('a change that moved nothing stands for no later move once the link has gone from it', () => {
				const focus = new CallCardFocus(() => 'me');
				// On a wide screen I remove the link: the card stays beside the session.
				focus.changing(null);
				focus.linkIs(null);
				// Ana shares one, and later removes it, while I have the phone's session open.
				focus.linkIs(byAna);
				expect(arrive(focus, null, ['now', 'more', null], linkFirst)).toBeUndefined();
			});

			test("a change of mine still on its way is followed though someone else's arrived first", () => {
				const focus = new CallCardFocus(() => 'me');
				focus.changing(null);
				// Ana puts her link in place of mine (the card stays), then my removal arrives.
				focus.linkIs(byAna);
				expect(arrive(focus, null, ['now', 'more', null], linkFirst)).toBe('more');
			});

			test('closing a form that held the card in place follows the move it makes then', () => {
				const focus = new CallCardFocus(() => 'me');
				// Ana shared while I typed under More; I cancel: the card goes under the timer.
				focus.linkIs(byAna);
				focus.closed(byAna);
				expect(focus.follow('more', 'now', byAna)).toBe('now');
				// Closed while nothing moves, it stands for no move after the link changes.
				focus.closed(byAna);
				expect(arrive(focus, null, ['now', 'more', null], linkFirst)).toBeUndefined();
			});
		});
	}

	test("sharing from a form that held the card under More is this person's move, whether the server's answer or the link arrives first", () => {
		// Ana shared while I typed under More; I share mine.
		const answerFirst = new CallCardFocus(() => 'me');
		answerFirst.linkIs(byAna);
		answerFirst.changing(MEET);
		answerFirst.taken();
		// Taken: the form closes and the card goes under the timer, Ana's link still the room's.
		expect(answerFirst.follow('more', 'now', byAna)).toBe('now');
		answerFirst.linkIs(byMe);
		expect(answerFirst.follow('now', 'more', null)).toBeUndefined();

		const linkFirst = new CallCardFocus(() => 'me');
		linkFirst.linkIs(byAna);
		linkFirst.changing(MEET);
		linkFirst.linkIs(byMe);
		linkFirst.taken();
		expect(linkFirst.follow('more', 'now', byMe)).toBe('now');
	});

	test("the link is this person's doing while their change is on its way and once it came, until the next", () => {
		const focus = new CallCardFocus(() => 'me');
		expect(focus.mine(null)).toBe(false);
		focus.changing(null);
		expect(focus.mine(null)).toBe(true);
		focus.linkIs(null);
		expect(focus.mine(null)).toBe(true);
		focus.linkIs(byAna);
		expect(focus.mine(byAna)).toBe(false);
		expect(focus.mine(null)).toBe(false);
		focus.changing(MEET);
		focus.refused();
		expect(focus.mine(byMe)).toBe(false);
	});

	test('on a wide screen, or turned to one, the card takes focus where it is; turned to a phone, its section opens', () => {
		const focus = new CallCardFocus(() => 'me');
		expect(focus.follow('now', 'side', byAna)).toBe('focus');
		expect(focus.follow('more', 'side', null)).toBe('focus');
		expect(focus.follow('side', 'now', byAna)).toBe('now');
		expect(focus.follow('side', 'more', null)).toBe('more');
	});

	test('the card takes the focus asked for once', () => {
		const focus = new CallCardFocus(() => 'me');
		expect(focus.take()).toBe(false);
		focus.focusCard();
		expect(focus.wanted).toBe(true);
		expect(focus.take()).toBe(true);
		expect(focus.take()).toBe(false);
	});
});
