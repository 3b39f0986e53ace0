/**
 * Whether a form's value differs from the value last saved (or as it was opened): work a reload
 * would lose (`unsaved-work.ts`). Values compare as JSON, so changing a field back counts as
 * saved again, and a value that is edited in place (a `$state` proxy) is compared by content.
 */
export class SavedSnapshot<T> {
	readonly #current: () => T;
	#saved = $state('');

	/** The current value differs from the one last saved. */
	readonly unsaved = $derived.by(() => JSON.stringify(this.#current()) !== this.#saved);

	/** `current` reads the form's value; what it answers now counts as saved. */
	constructor(current: () => T) {
		this.#current = current;
		this.#saved = JSON.stringify(current());
	}

	/**
	 * Marks `value` as saved: by default the current one; an asynchronous save passes the value it
	 * sent, so what was changed while it was on its way stays unsaved.
	 */
	markSaved(value: T = this.#current()): void {
		this.#saved = JSON.stringify(value);
	}
}
