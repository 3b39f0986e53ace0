import { describe, expect, test } from 'vitest';
import { CallCardFocus } from './call-card-focus.svelte';

const MEET = 'https://meet.example/abc';
const byMe = { url: MEET, setBy: 'me' };

describe('call card focus', () => {
	test("the card's move is followed only after this person's own change, once", () => {
		const focus = new CallCardFocus(() => 'me');
		expect(focus.ownMove(byMe)).toBe(false);
		focus.changing(MEET);
		expect(focus.ownMove(byMe)).toBe(true);
		expect(focus.ownMove(byMe)).toBe(false);
		focus.changing(null);
		expect(focus.ownMove(null)).toBe(true);
	});

	test("a move to another link, someone else's, the other way, or after a refusal is not this person's", () => {
		const focus = new CallCardFocus(() => 'me');
		focus.changing(MEET);
		expect(focus.ownMove(null)).toBe(false);
		focus.changing(MEET);
		expect(focus.ownMove({ url: 'https://meet.example/xyz', setBy: 'me' })).toBe(false);
		focus.changing(MEET);
		expect(focus.ownMove({ url: MEET, setBy: 'ana' })).toBe(false);
		focus.changing(null);
		expect(focus.ownMove(byMe)).toBe(false);
		focus.changing(null);
		focus.refused();
		expect(focus.ownMove(null)).toBe(false);
	});

	test('a change that moved nothing stands for no later move once the link has changed', () => {
		const focus = new CallCardFocus(() => 'me');
		// A new link in place of one: the card stays where it is.
		focus.changing(MEET);
		focus.linkChanged();
		// Later someone removes it, and shares it again, with focus in the card.
		expect(focus.ownMove(null)).toBe(false);
		expect(focus.ownMove({ url: MEET, setBy: 'ana' })).toBe(false);
		focus.changing(null);
		focus.linkChanged();
		expect(focus.ownMove(null)).toBe(false);
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
