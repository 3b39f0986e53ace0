import { describe, expect, test } from 'vitest';
import { CallLinkDraft } from './call-link-draft.svelte';

const PHONE = true;

describe('call link draft', () => {
	test('open on a phone, it holds the card in its section while that shows, whatever link arrives', () => {
		const draft = new CallLinkDraft();
		expect(draft.place(PHONE, true, 'more')).toBe('now');
		draft.start(undefined);
		draft.anchor('more');
		expect(draft.place(PHONE, true, 'more')).toBe('more');
		// The person shows another section: the card goes where the link puts it.
		expect(draft.place(PHONE, true, 'people')).toBe('now');
		draft.close();
		expect(draft.place(PHONE, true, 'more')).toBe('now');
		draft.start('https://meet.example/abc');
		draft.anchor('now');
		expect(draft.place(PHONE, false, 'now')).toBe('now');
		expect(draft.place(!PHONE, false, 'now')).toBe('side');
	});

	test('open on a phone, it holds the card in the section the person took it to and uses it in', () => {
		const draft = new CallLinkDraft();
		// Opened under More with no link; Ana shares one: the form keeps the card under More.
		draft.start(undefined);
		draft.anchor('more');
		expect(draft.place(PHONE, true, 'more')).toBe('more');
		// The person shows the session, where Ana's link puts the card, and types there.
		expect(draft.place(PHONE, true, 'now')).toBe('now');
		draft.anchor('now');
		// Ana removes her link: the card stays where the person types.
		expect(draft.place(PHONE, false, 'now')).toBe('now');
		// Turned to a wide screen, the card is beside the session.
		expect(draft.place(!PHONE, false, 'now')).toBe('side');
	});

	test('shared from the form, the card stays where a shared link puts it until the link changes', () => {
		const draft = new CallLinkDraft();
		draft.start('https://meet.example/abc');
		draft.shared(false);
		expect(draft.open).toBe(false);
		// Someone removed the link meanwhile; the one just shared is on its way.
		expect(draft.place(PHONE, false, 'now')).toBe('now');
		draft.linkChanged();
		expect(draft.place(PHONE, false, 'now')).toBe('more');
		// Arrived already, it holds nothing.
		draft.start(undefined);
		draft.shared(true);
		expect(draft.place(PHONE, false, 'more')).toBe('more');
		expect(draft.place(PHONE, true, 'more')).toBe('now');
	});

	test('an open form is not closed by a change of the link', () => {
		const draft = new CallLinkDraft();
		draft.start(undefined);
		draft.anchor('more');
		draft.linkChanged();
		expect(draft.open).toBe(true);
		expect(draft.place(PHONE, true, 'more')).toBe('more');
	});

	test('opened, it starts from the room’s link and shows no problems until sharing is tried', () => {
		const draft = new CallLinkDraft();
		draft.text = 'https://half';
		draft.tried = true;
		draft.start('https://meet.example/abc');
		expect([draft.open, draft.text, draft.tried]).toEqual([
			true,
			'https://meet.example/abc',
			false
		]);
		draft.close();
		expect(draft.open).toBe(false);
		draft.start(undefined);
		expect(draft.text).toBe('');
	});
});
