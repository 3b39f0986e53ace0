import * as z from 'zod/mini';
import { readStoredJson, removeStored, writeStored } from './identity';

const keptLineSchema = z.object({ roleId: z.string(), text: z.string() });

/** A line being typed, and the role chosen for it ('' while none is: the default applies). */
export type KeptLine = z.infer<typeof keptLineSchema>;

const NO_LINE: KeptLine = { roleId: '', text: '' };

/**
 * A line a person is typing that is not in the room yet, kept in this browser as they type, so a
 * reload (the language switcher's, or any other) gives it back. Its key (`roomToolKey`, per room,
 * person and step) puts it under the room's prefix: erasing the room forgets it with the rest.
 */
export class KeptDraft {
	readonly #keyOf: () => string;
	// A value of its own: a change the key's closure reads that leaves the key as it was (a new
	// line in the script, the roles) must not read the draft again, or, with storage disabled or
	// full, it would wipe what is typed.
	readonly #key = $derived.by(() => this.#keyOf());
	// Read again when the key changes (another room, person or step); typing overrides it, and it
	// stays in memory when storage fails.
	#line = $derived.by(() => readStoredJson(this.#key, keptLineSchema) ?? NO_LINE);

	constructor(key: () => string) {
		this.#keyOf = key;
	}

	get line(): KeptLine {
		return this.#line;
	}

	/** Keeps the line; one without text (sent, or cleared) leaves nothing behind. */
	set line(line: KeptLine) {
		this.#line = line;
		if (line.text) writeStored(this.#key, JSON.stringify(line));
		else removeStored(this.#key);
	}
}
