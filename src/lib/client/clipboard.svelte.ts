/** How long "copied" shows before the control reads as before. */
export const COPIED_MS = 2_000;

export type CopyStatus = 'idle' | 'copied' | 'refused';

/**
 * Copies text to the clipboard and says how it went, for a button and its live region: `copied`
 * for a moment after a success, `refused` when the browser did not allow it (an insecure origin,
 * or permission denied) until the next try.
 */
export class ClipboardCopy {
	status = $state<CopyStatus>('idle');
	#reset: ReturnType<typeof setTimeout> | undefined;

	/** Answers whether the text is on the clipboard. */
	async copy(text: string): Promise<boolean> {
		clearTimeout(this.#reset);
		// Back to idle first, so copying twice announces the result again.
		this.status = 'idle';
		try {
			await navigator.clipboard.writeText(text);
		} catch {
			this.status = 'refused';
			return false;
		}
		this.status = 'copied';
		this.#reset = setTimeout(() => (this.status = 'idle'), COPIED_MS);
		return true;
	}
}
