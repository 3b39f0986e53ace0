import * as Y from 'yjs';
import {
	CONTROL_MAP,
	controlStateSchema,
	NOTES_TEXT,
	type ControlState
} from '../protocol/control';

/**
 * Typed, reactive access to a room's Y.Doc (docs/document-schema.md). The control map is read
 * only: the server writes it in answer to commands. What people write in the practice tools is
 * read through `ContentDoc`, which the phase tools make (`PhaseTool.svelte`): it comes with the
 * joined room's code, not with the join form's screen (docs/performance.md).
 */
export class RoomDoc {
	/** Undefined until the first sync brings the server's control map. */
	control = $state<ControlState | undefined>();
	readonly notes: Y.Text;
	readonly #controlMap: Y.Map<unknown>;

	constructor(readonly doc: Y.Doc) {
		this.notes = doc.getText(NOTES_TEXT);
		this.#controlMap = doc.getMap(CONTROL_MAP);
		this.#controlMap.observe(this.#readControl);
		this.#readControl();
	}

	#readControl = () => {
		const parsed = controlStateSchema.safeParse(this.#controlMap.toJSON());
		// A half-written or unknown shape keeps the last good state rather than blanking the room.
		if (parsed.success) this.control = parsed.data;
	};

	destroy(): void {
		this.#controlMap.unobserve(this.#readControl);
	}
}
