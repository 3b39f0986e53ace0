import * as z from 'zod/mini';
import { readStored, readStoredJson, removeStored, roomToolKey, writeStored } from './identity';

const keptLineSchema = z.object({ roleId: z.string(), text: z.string() });

/** A line being typed, and the role chosen for it ('' while none is: the default applies). */
export type KeptLine = z.infer<typeof keptLineSchema>;

const NO_LINE: KeptLine = { roleId: '', text: '' };

/**
 * Where a script line a person types in a step (phase `phaseId`, round or phase `stepKey`) is kept
 * until sent (`roomToolKey`): per step, so a line left unsent does not come back in a later round
 * or phase. Here rather than beside `roomToolKey`, which a newcomer's first screen loads.
 */
export const scriptLineKey = (
	roomId: string,
	participantId: string,
	phaseId: string,
	stepKey: string
) => roomToolKey(roomId, `script-line:${participantId}:${phaseId}@${stepKey}`);

/** How a draft is kept in this browser's storage. */
export interface DraftCodec<T> {
	/** The draft kept at `key`: the empty one when none is, or it cannot be read. */
	read(key: string): T;
	/** The text that keeps `draft`; '' when there is nothing to keep (sent, or cleared). */
	write(draft: T): string;
}

/** A script line with its role, kept as JSON. */
export const KEPT_LINE: DraftCodec<KeptLine> = {
	read: (key) => readStoredJson(key, keptLineSchema) ?? NO_LINE,
	write: (line) => (line.text ? JSON.stringify(line) : '')
};

/** Plain text (an observer's notepad), kept as typed. */
export const KEPT_TEXT: DraftCodec<string> = {
	read: (key) => readStored(key) ?? '',
	write: (text) => text
};

/**
 * Something a person is typing that is not in the room yet (a script line, a notepad), kept in
 * this browser as they type, so a reload (the language switcher's, or any other) gives it back.
 * Its key (`roomToolKey`, per room, person and, for a line, step) puts it under the room's prefix:
 * erasing the room forgets it with the rest.
 */
export class KeptDraft<T> {
	readonly #keyOf: () => string;
	readonly #codec: DraftCodec<T>;
	// A value of its own: a change the key's closure reads that leaves the key as it was (a new
	// line in the script, the roles) must not read the draft again, or, with storage disabled or
	// full, it would wipe what is typed.
	readonly #key = $derived.by(() => this.#keyOf());
	// Read again when the key changes (another room, person or step); typing overrides it, and it
	// stays in memory when storage fails.
	#value = $derived.by(() => this.#codec.read(this.#key));

	constructor(key: () => string, codec: DraftCodec<T>) {
		this.#keyOf = key;
		this.#codec = codec;
	}

	get value(): T {
		return this.#value;
	}

	/** Keeps the draft; one with nothing to keep (sent, or cleared) leaves nothing behind. */
	set value(value: T) {
		this.#value = value;
		const kept = this.#codec.write(value);
		if (kept) writeStored(this.#key, kept);
		else removeStored(this.#key);
	}
}
