import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bindTextarea, type TextareaLike } from './text-binding';

/** A textarea stand-in: an event target with a value and a selection, focused. */
class FakeTextarea extends EventTarget {
	value = '';
	selectionStart = 0;
	selectionEnd = 0;
	selectionDirection = 'none' as const;
	readonly ownerDocument = { activeElement: this as unknown } as Document;
	setSelectionRange(start: number, end: number) {
		this.selectionStart = start;
		this.selectionEnd = end;
	}
	/** Types `insert` at the caret, as the browser would, and fires input. */
	type(insert: string) {
		const at = this.selectionStart;
		this.value = this.value.slice(0, at) + insert + this.value.slice(this.selectionEnd);
		this.setSelectionRange(at + insert.length, at + insert.length);
		this.dispatchEvent(new Event('input'));
	}
	/** Presses a key with modifiers; answers whether the binding took it (prevented the default). */
	press(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {}) {
		const event = Object.assign(new Event('keydown', { cancelable: true }), { key, ...modifiers });
		this.dispatchEvent(event);
		return event.defaultPrevented;
	}
	/** Chooses Undo or Redo from the Edit menu, which arrives as a `beforeinput`. */
	menu(inputType: 'historyUndo' | 'historyRedo') {
		this.dispatchEvent(
			Object.assign(new Event('beforeinput', { cancelable: true }), { inputType })
		);
	}
}

function pair(initial: string) {
	const mine = new Y.Doc();
	const theirs = new Y.Doc();
	mine.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(theirs, u, 'sync')
	);
	theirs.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'sync' && Y.applyUpdate(mine, u, 'sync')
	);
	theirs.getText('notes').insert(0, initial);
	const textarea = new FakeTextarea();
	// reason: the fake implements the part of a textarea the binding uses.
	bindTextarea(textarea as unknown as TextareaLike, mine.getText('notes'));
	return { textarea, mine: mine.getText('notes'), theirs: theirs.getText('notes') };
}

describe('textarea binding', () => {
	test('typing becomes an edit in the shared text', () => {
		const { textarea, theirs } = pair('hello');
		textarea.setSelectionRange(5, 5);
		textarea.type(' world');
		expect(theirs.toString()).toBe('hello world');
	});

	test('a remote edit before the caret keeps the caret on the same character', () => {
		const { textarea, theirs } = pair('hello world');
		textarea.setSelectionRange(6, 6);
		theirs.insert(0, 'Ada: ');
		expect(textarea.value).toBe('Ada: hello world');
		expect(textarea.selectionStart).toBe(11);
	});

	test('an input method composing while a peer types loses neither side’s text', () => {
		const { textarea, mine, theirs } = pair('hello world');
		textarea.setSelectionRange(11, 11);
		textarea.dispatchEvent(new Event('compositionstart'));
		textarea.type(' f');
		theirs.insert(0, 'PEER: ');
		textarea.type('oo');
		textarea.dispatchEvent(new Event('compositionend'));
		expect(theirs.toString()).toBe('PEER: hello world foo');
		expect(mine.toString()).toBe('PEER: hello world foo');
		expect(textarea.value).toBe('PEER: hello world foo');
		expect(textarea.selectionStart).toBe(21);
	});

	test('a composition that a remote deletion overlaps keeps the composed text', () => {
		const { textarea, theirs } = pair('abc def');
		textarea.setSelectionRange(7, 7);
		textarea.dispatchEvent(new Event('compositionstart'));
		theirs.delete(0, 4);
		textarea.type('!');
		textarea.dispatchEvent(new Event('compositionend'));
		expect(theirs.toString()).toBe('def!');
		expect(textarea.value).toBe('def!');
	});
});

describe('undo and redo in a shared text field (issue 19.6)', () => {
	/** Ana types, moves the caret (a new undo step), types her last words; Ben types meanwhile. */
	function typedTogether() {
		const shared = pair('');
		const { textarea, theirs } = shared;
		textarea.type('Ana wrote this.');
		theirs.insert(0, 'Ben: ');
		textarea.press('End');
		textarea.setSelectionRange(textarea.value.length, textarea.value.length);
		textarea.type(' Last words.');
		theirs.insert(0, '> ');
		return shared;
	}

	test('Ctrl+Z undoes one’s own last words after a remote edit, not the other person’s text', () => {
		const { textarea, mine, theirs } = typedTogether();
		expect(theirs.toString()).toBe('> Ben: Ana wrote this. Last words.');
		expect(textarea.press('z', { ctrlKey: true })).toBe(true);
		expect(theirs.toString()).toBe('> Ben: Ana wrote this.');
		expect(textarea.value).toBe(mine.toString());
		expect(textarea.selectionStart).toBe('> Ben: Ana wrote this.'.length);
		textarea.press('z', { metaKey: true });
		expect(theirs.toString()).toBe('> Ben: ');
		// Nothing of one's own left to undo: the other person's text stays.
		textarea.press('z', { ctrlKey: true });
		expect(theirs.toString()).toBe('> Ben: ');
	});

	test('Ctrl+Shift+Z, Ctrl+Y and the Edit menu redo what was undone', () => {
		const { textarea, theirs } = typedTogether();
		textarea.press('z', { ctrlKey: true });
		textarea.press('z', { ctrlKey: true });
		textarea.press('Z', { ctrlKey: true, shiftKey: true });
		expect(theirs.toString()).toBe('> Ben: Ana wrote this.');
		textarea.press('y', { ctrlKey: true });
		expect(theirs.toString()).toBe('> Ben: Ana wrote this. Last words.');
		textarea.menu('historyUndo');
		expect(theirs.toString()).toBe('> Ben: Ana wrote this.');
		textarea.menu('historyRedo');
		expect(theirs.toString()).toBe('> Ben: Ana wrote this. Last words.');
	});

	test('other keys are left to the browser', () => {
		const { textarea } = pair('hello');
		expect(textarea.press('a', { ctrlKey: true })).toBe(false);
		expect(textarea.press('z')).toBe(false);
	});
});
