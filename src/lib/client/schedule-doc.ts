import type * as Y from 'yjs';
import { participantIdSchema } from '../protocol/ids';
import {
	SCHEDULE_MAP,
	scheduledConversationSchema,
	type ScheduledConversation
} from '../protocol/room-content';
import { readSchedule, type PlannedConversation } from '../room/schedule';
import { yReadable } from './y-readable.svelte';

/** The real conversations people planned, in the room document (docs/document-schema.md). */
export class ScheduleDoc {
	readonly #map: Y.Map<unknown>;

	constructor(doc: Y.Doc) {
		this.#map = doc.getMap(SCHEDULE_MAP);
	}

	/** Everyone's plans, soonest first, kept current; read it in a template or effect. */
	live(): { readonly current: PlannedConversation[] } {
		return yReadable(this.#map, () => readSchedule(this.#map.entries()));
	}

	/**
	 * Keeps this person's plan, over the one they had. Answers false and changes nothing when the
	 * id or the plan does not parse.
	 */
	plan(participantId: string, plan: ScheduledConversation): boolean {
		const parsed = scheduledConversationSchema.safeParse(plan);
		if (!participantIdSchema.safeParse(participantId).success || !parsed.success) return false;
		this.#map.set(participantId, parsed.data);
		return true;
	}

	/** Removes this person's plan. */
	remove(participantId: string): void {
		this.#map.delete(participantId);
	}
}
