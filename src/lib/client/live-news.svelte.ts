import { tick } from 'svelte';

/**
 * What a live region (`role="status"`) says. Emptied before each message, as a screen reader keeps
 * quiet when the same text comes again; emptied when it no longer holds, so it neither stays in
 * the reading order nor is read out when the region is drawn anew (a turned screen).
 */
export class LiveNews {
	/** The region's text. */
	text = $state('');
	/** Counts what was said and cleared: a message cleared while on its way is not said. */
	#said = 0;

	/** Says `words`, again if they were the last said. */
	async say(words: string): Promise<void> {
		const said = ++this.#said;
		this.text = '';
		await tick();
		if (said === this.#said) this.text = words;
	}

	/** Says nothing more: what was said no longer holds. */
	clear(): void {
		this.#said++;
		this.text = '';
	}
}
