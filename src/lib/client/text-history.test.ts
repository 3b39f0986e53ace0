import { describe, expect, test } from 'vitest';
import { historyInput, historyKey, movesCaret, type HistoryKeyEvent } from './text-history';

const press = (key: string, keys: Partial<HistoryKeyEvent> = {}): HistoryKeyEvent => ({
	key,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	altKey: false,
	isComposing: false,
	...keys
});

describe('undo and redo keys in a shared text field', () => {
	test('Ctrl+Z and Cmd+Z undo', () => {
		expect(historyKey(press('z', { ctrlKey: true }))).toBe('undo');
		expect(historyKey(press('z', { metaKey: true }))).toBe('undo');
	});

	test('Ctrl+Shift+Z, Cmd+Shift+Z and Ctrl+Y redo', () => {
		expect(historyKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
		expect(historyKey(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
		expect(historyKey(press('y', { ctrlKey: true }))).toBe('redo');
	});

	test('plain typing, Alt combinations and composing are left alone', () => {
		expect(historyKey(press('z'))).toBeUndefined();
		expect(historyKey(press('Z', { shiftKey: true }))).toBeUndefined();
		expect(historyKey(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
		expect(historyKey(press('z', { ctrlKey: true, isComposing: true }))).toBeUndefined();
		expect(historyKey(press('y', { metaKey: true }))).toBeUndefined();
		expect(historyKey(press('a', { ctrlKey: true }))).toBeUndefined();
	});

	test('the Edit menu’s Undo and Redo arrive as input types', () => {
		expect(historyInput('historyUndo')).toBe('undo');
		expect(historyInput('historyRedo')).toBe('redo');
		expect(historyInput('insertText')).toBeUndefined();
	});

	test('caret moves start a new undo step; typing does not', () => {
		expect(movesCaret('ArrowLeft')).toBe(true);
		expect(movesCaret('End')).toBe(true);
		expect(movesCaret('a')).toBe(false);
		expect(movesCaret('Enter')).toBe(false);
	});
});
