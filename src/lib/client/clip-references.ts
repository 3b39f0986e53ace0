import * as Y from 'yjs';
import { CLIPS_MAP } from '../protocol/clips';

/** The script line arrays of every round: `script:<round>:lines` (docs/document-schema.md). */
const SCRIPT_LINES = /^script:.+:lines$/;

/** Whether a plain value or a line map carries `clipId` where a clip reference would. */
const names = (value: unknown, clipId: string): boolean =>
	typeof value === 'object' && value !== null && 'clipId' in value && value.clipId === clipId;

/**
 * Whether anything in the room document still points at `clipId`: a slot of the clips map (under
 * any key) or a script line's `voice`, in any round. The document is everyone's to write, so a
 * crafted entry may name a clip that is in use elsewhere; before a person's app deletes "the take
 * it replaced" it asks here, and keeps a clip that something still plays. Entries are matched by
 * the id alone, parsed or not: keeping a clip is the safe mistake.
 */
export function clipReferenced(doc: Y.Doc, clipId: string): boolean {
	for (const value of doc.getMap<unknown>(CLIPS_MAP).values()) {
		if (names(value, clipId)) return true;
	}
	for (const name of [...doc.share.keys()].filter((key) => SCRIPT_LINES.test(key))) {
		for (const item of doc.getArray<unknown>(name)) {
			if (item instanceof Y.Map && names(item.get('voice'), clipId)) return true;
		}
	}
	return false;
}
