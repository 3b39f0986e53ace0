import * as Y from 'yjs';
import {
	CONTROL_MAP,
	controlStateSchema,
	NOTES_TEXT,
	type ControlState
} from '../protocol/control';
import { ContentDoc } from './content-doc';

/**
 * Typed, reactive access to a room's Y.Doc (docs/document-schema.md). The control map is read
 * only: the server writes it in answer to commands.
 */
export class RoomDoc {
	/** Undefined until the first sync brings the server's control map. */
	control = $state<ControlState | undefined>();
	readonly notes: Y.Text;
	/** What people write in the practice tools, through one typed adapter per tool. */
	readonly content: ContentDoc;
	readonly #controlMap: Y.Map<unknown>;

	constructor(readonly doc: Y.Doc) {
		this.notes = doc.getText(NOTES_TEXT);
		this.content = new ContentDoc(doc);
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
