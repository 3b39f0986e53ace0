import type * as Y from 'yjs';
import { diffText, moveCursor, type TextDelta } from './text-diff';

const LOCAL = Symbol('textarea');

/** What the binding needs of a textarea (a real one, or a stand-in in tests). */
export type TextareaLike = Pick<
	HTMLTextAreaElement,
	| 'value'
	| 'selectionStart'
	| 'selectionEnd'
	| 'selectionDirection'
	| 'setSelectionRange'
	| 'addEventListener'
	| 'removeEventListener'
	| 'ownerDocument'
>;

/**
 * Keeps a textarea and a Y.Text in step: local input becomes one Yjs edit, remote edits update
 * the textarea while keeping the caret where the person left it. Returns the cleanup.
 *
 * Local edits are found by comparing the textarea with `shown`, the text as last written into
 * it, never with the live Y.Text: while an input method composes a word, remote edits wait in
 * `waiting`, and the composed edit is then shifted past them before it is applied, so neither
 * side's characters are lost.
 */
export function bindTextarea(textarea: TextareaLike, text: Y.Text): () => void {
	let composing = false;
	let shown = text.toString();
	let waiting: TextDelta[] = [];
	textarea.value = shown;

	const focused = () => (textarea.ownerDocument?.activeElement as unknown) === textarea;

	/** Writes the Y.Text into the textarea, moving the caret through `deltas`. */
	const show = (deltas: TextDelta[]) => {
		const { selectionStart, selectionEnd, selectionDirection } = textarea;
		const move = (position: number) =>
			deltas.reduce((at, delta) => moveCursor(at, delta), position);
		shown = text.toString();
		textarea.value = shown;
		if (focused()) {
			textarea.setSelectionRange(
				move(selectionStart),
				move(selectionEnd),
				selectionDirection ?? undefined
			);
		}
	};

	const applyLocal = () => {
		const edit = diffText(shown, textarea.value);
		const arrived = waiting;
		waiting = [];
		if (edit) {
			const shift = (position: number) =>
				arrived.reduce((at, delta) => moveCursor(at, delta), position);
			const start = shift(edit.index);
			const end = shift(edit.index + edit.remove);
			text.doc?.transact(() => {
				if (end > start) text.delete(start, end - start);
				if (edit.insert) text.insert(start, edit.insert);
			}, LOCAL);
			shown = textarea.value;
		}
		if (arrived.length > 0) {
			const caret = edit ? edit.index + edit.insert.length : textarea.selectionStart;
			shown = text.toString();
			textarea.value = shown;
			if (focused()) {
				const at = arrived.reduce((position, delta) => moveCursor(position, delta), caret);
				textarea.setSelectionRange(at, at);
			}
		}
	};

	const onInput = () => {
		if (!composing) applyLocal();
	};
	const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		if (transaction.origin === LOCAL) return;
		// reason: Yjs types text deltas loosely; a Y.Text's delta has exactly these fields.
		const delta = event.delta as TextDelta;
		if (composing) waiting.push(delta);
		else show([delta]);
	};
	const onCompositionStart = () => (composing = true);
	const onCompositionEnd = () => {
		composing = false;
		applyLocal();
	};

	textarea.addEventListener('input', onInput);
	textarea.addEventListener('compositionstart', onCompositionStart);
	textarea.addEventListener('compositionend', onCompositionEnd);
	text.observe(onRemote);
	return () => {
		textarea.removeEventListener('input', onInput);
		textarea.removeEventListener('compositionstart', onCompositionStart);
		textarea.removeEventListener('compositionend', onCompositionEnd);
		text.unobserve(onRemote);
	};
}
