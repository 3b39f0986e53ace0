import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ClipboardCopy, COPIED_MS } from './clipboard.svelte';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
	vi.useFakeTimers();
	writeText.mockReset();
	vi.stubGlobal('navigator', { clipboard: { writeText } });
});

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('ClipboardCopy', () => {
	test('copies the text and shows copied for a moment', async () => {
		writeText.mockResolvedValue(undefined);
		const clipboard = new ClipboardCopy();
		expect(await clipboard.copy('https://example.org/r/a')).toBe(true);
		expect(writeText).toHaveBeenCalledWith('https://example.org/r/a');
		expect(clipboard.status).toBe('copied');
		vi.advanceTimersByTime(COPIED_MS);
		expect(clipboard.status).toBe('idle');
	});

	test('a second copy keeps copied showing for the full moment again', async () => {
		writeText.mockResolvedValue(undefined);
		const clipboard = new ClipboardCopy();
		await clipboard.copy('a');
		vi.advanceTimersByTime(COPIED_MS - 100);
		await clipboard.copy('a');
		vi.advanceTimersByTime(COPIED_MS - 100);
		expect(clipboard.status).toBe('copied');
	});

	test('a refused write is refused, and stays so until the next try', async () => {
		writeText.mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
		const clipboard = new ClipboardCopy();
		expect(await clipboard.copy('a')).toBe(false);
		vi.advanceTimersByTime(COPIED_MS * 2);
		expect(clipboard.status).toBe('refused');
	});

	test('a browser without a clipboard (an insecure origin) is refused, not an error', async () => {
		vi.stubGlobal('navigator', {});
		const clipboard = new ClipboardCopy();
		expect(await clipboard.copy('a')).toBe(false);
		expect(clipboard.status).toBe('refused');
	});
});
