/** Undo and redo in a shared text field: which key or input asks for which. */
export type HistoryStep = 'undo' | 'redo';

/** The keys of a keydown that matter here. */
export type HistoryKeyEvent = Pick<
	KeyboardEvent,
	'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'
>;

/**
 * The step a key press asks for: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo. Alt
 * combinations and keys pressed while an input method composes are left to the browser.
 */
export function historyKey(event: HistoryKeyEvent): HistoryStep | undefined {
	if (event.isComposing || event.altKey || !(event.ctrlKey || event.metaKey)) return undefined;
	const key = event.key.toLowerCase();
	if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
	if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
	return undefined;
}

/** The step a `beforeinput` asks for: the Edit menu's or the context menu's Undo and Redo. */
export function historyInput(inputType: string): HistoryStep | undefined {
	if (inputType === 'historyUndo') return 'undo';
	if (inputType === 'historyRedo') return 'redo';
	return undefined;
}

/**
 * Keys that move the caret without typing: the next thing typed is a new undo step, as in any
 * editor, rather than merged into the words typed before the move.
 */
export function movesCaret(key: string): boolean {
	return /^(Arrow(Up|Down|Left|Right)|Home|End|PageUp|PageDown)$/.test(key);
}
