import * as Y from 'yjs';
import { changeEnd, diffText, moveCursor, type TextDelta } from './text-diff';
import { historyInput, historyKey, movesCaret, type HistoryStep } from './text-history';

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

/** Typing within this long of the last edit is undone together with it (Yjs's default). */
const UNDO_CAPTURE_MS = 500;

/**
 * Keeps a textarea and a Y.Text in step: local input becomes one Yjs edit, remote edits update
 * the textarea while keeping the caret where the person left it. Returns the cleanup.
 *
 * Local edits are found by comparing the textarea with `shown`, the text as last written into
 * it, never with the live Y.Text: while an input method composes a word, remote edits wait in
 * `waiting`, and the composed edit is then shifted past them before it is applied, so neither
 * side's characters are lost.
 *
 * Undo and redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y, the Edit menu) go through a Yjs
 * `UndoManager` that tracks only this field's own edits: the browser's own undo would be lost at
 * the first remote edit, since the value is rewritten, and would undo other people's text.
 */
export function bindTextarea(textarea: TextareaLike, text: Y.Text): () => void {
	// This binding's own edits: skipped when they come back, and the only ones undone.
	const local = Symbol('textarea');
	const history = new Y.UndoManager(text, {
		trackedOrigins: new Set([local]),
		captureTimeout: UNDO_CAPTURE_MS
	});
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
			}, local);
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
		if (transaction.origin === local) return;
		// reason: Yjs types text deltas loosely; a Y.Text's delta has exactly these fields.
		const delta = event.delta as TextDelta;
		if (composing) waiting.push(delta);
		else show([delta]);
		// After an undo or redo the caret goes where the text changed, as in any editor.
		if (transaction.origin === history && !composing && focused()) {
			const at = changeEnd(delta);
			textarea.setSelectionRange(at, at);
		}
	};
	const step = (which: HistoryStep) => {
		applyLocal();
		if (which === 'undo') history.undo();
		else history.redo();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		const which = historyKey(event);
		if (which) {
			event.preventDefault();
			step(which);
		} else if (movesCaret(event.key)) {
			history.stopCapturing();
		}
	};
	const onBeforeInput = (event: InputEvent) => {
		const which = historyInput(event.inputType);
		if (!which) return;
		event.preventDefault();
		step(which);
	};
	// Typing after moving the caret elsewhere is a new step.
	const onPointerDown = () => history.stopCapturing();
	const onCompositionStart = () => (composing = true);
	const onCompositionEnd = () => {
		composing = false;
		applyLocal();
	};

	textarea.addEventListener('input', onInput);
	textarea.addEventListener('keydown', onKeyDown);
	textarea.addEventListener('beforeinput', onBeforeInput);
	textarea.addEventListener('pointerdown', onPointerDown);
	textarea.addEventListener('compositionstart', onCompositionStart);
	textarea.addEventListener('compositionend', onCompositionEnd);
	text.observe(onRemote);
	return () => {
		textarea.removeEventListener('input', onInput);
		textarea.removeEventListener('keydown', onKeyDown);
		textarea.removeEventListener('beforeinput', onBeforeInput);
		textarea.removeEventListener('pointerdown', onPointerDown);
		textarea.removeEventListener('compositionstart', onCompositionStart);
		textarea.removeEventListener('compositionend', onCompositionEnd);
		text.unobserve(onRemote);
		history.destroy();
	};
}
