import { describe, expect, test } from 'vitest';
import { CallCardFocus } from './call-card-focus.svelte';

describe('call card focus', () => {
	test("the card's move is followed only after this person's own change, once", () => {
		const focus = new CallCardFocus();
		expect(focus.ownMove(true)).toBe(false);
		focus.changing(true);
		expect(focus.ownMove(true)).toBe(true);
		expect(focus.ownMove(true)).toBe(false);
		focus.changing(false);
		expect(focus.ownMove(false)).toBe(true);
	});

	test("a move the other way than this person's change, or after a refusal, is someone else's", () => {
		const focus = new CallCardFocus();
		focus.changing(true);
		expect(focus.ownMove(false)).toBe(false);
		focus.changing(false);
		focus.refused();
		expect(focus.ownMove(false)).toBe(false);
	});

	test('the card takes the focus asked for once', () => {
		const focus = new CallCardFocus();
		expect(focus.take()).toBe(false);
		focus.focusCard();
		expect(focus.wanted).toBe(true);
		expect(focus.take()).toBe(true);
		expect(focus.take()).toBe(false);
	});
});
