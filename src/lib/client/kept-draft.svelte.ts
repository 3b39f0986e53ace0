import { readStored, removeStored, writeStored } from './identity';

/**
 * Text a person is typing that is not in the room yet, kept in this browser as they type, so a
 * reload (the language switcher's, or any other) gives it back. Its key (`roomToolKey`, per room
 * and person) puts it under the room's prefix: erasing the room forgets it with the rest.
 */
export class KeptDraft {
	readonly #key: () => string;
	// Read again whenever the key changes (another room or person); typing overrides it.
	#text = $derived.by(() => readStored(this.#key()) ?? '');

	constructor(key: () => string) {
		this.#key = key;
	}

	get text(): string {
		return this.#text;
	}

	/** Keeps what is typed; an empty draft (sent, or cleared) leaves nothing behind. */
	set text(value: string) {
		this.#text = value;
		if (value) writeStored(this.#key(), value);
		else removeStored(this.#key());
	}
}
