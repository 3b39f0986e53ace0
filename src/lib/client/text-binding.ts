import type * as Y from 'yjs';
import { diffText, moveCursor, type TextDelta } from './text-diff';

const LOCAL = Symbol('textarea');

/**
 * Keeps a textarea and a Y.Text in step: local input becomes one Yjs edit, remote edits update
 * the textarea while keeping the caret where the person left it. Returns the cleanup.
 */
export function bindTextarea(textarea: HTMLTextAreaElement, text: Y.Text): () => void {
	let composing = false;
	textarea.value = text.toString();

	const onInput = () => {
		if (composing) return;
		const edit = diffText(text.toString(), textarea.value);
		if (!edit) return;
		text.doc?.transact(() => {
			if (edit.remove > 0) text.delete(edit.index, edit.remove);
			if (edit.insert) text.insert(edit.index, edit.insert);
		}, LOCAL);
	};
	const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
		if (transaction.origin === LOCAL || composing) return;
		const delta = event.delta as TextDelta;
		const { selectionStart, selectionEnd, selectionDirection } = textarea;
		textarea.value = text.toString();
		if (document.activeElement === textarea) {
			textarea.setSelectionRange(
				moveCursor(selectionStart, delta),
				moveCursor(selectionEnd, delta),
				selectionDirection ?? undefined
			);
		}
	};
	const onCompositionStart = () => (composing = true);
	// While an input method composes, remote edits wait; the textarea then takes the merged text.
	const onCompositionEnd = () => {
		composing = false;
		onInput();
		if (textarea.value !== text.toString()) textarea.value = text.toString();
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
