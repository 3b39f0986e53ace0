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
