import * as z from 'zod/mini';
import { m } from '../paraglide/messages';
import { atMostCharacters, says } from './problem-words';
import { participantIdSchema, roleIdSchema } from './ids';

// zod/mini, like ids.ts: the home page reaches the display name through the identity module.

/** Display names are plain text, trimmed, 1 to 40 characters. */
export const displayNameSchema = z
	.string()
	.check(
		z.trim(),
		z.minLength(1, says(m.pages_problem_not_empty)),
		z.maxLength(40, atMostCharacters(40))
	);

/**
 * connected: the tab is open and visible; away: open but hidden; dropped: its connection closed
 * less than the leave grace ago (a phone off Wi-Fi for a moment comes back); gone: left.
 */
export const presenceStatusSchema = z.enum(['connected', 'away', 'dropped', 'gone']);
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;

export const participantSchema = z.object({
	participantId: participantIdSchema,
	name: displayNameSchema,
	roleId: roleIdSchema,
	status: presenceStatusSchema,
	/** Server time (ms) of the last sign of life, used to expire entries whose server vanished. */
	seenAt: z.int().check(z.nonnegative())
});
export type Participant = z.infer<typeof participantSchema>;

/**
 * A presence record as an instance stores it: the participant, and when the join that gave the
 * record its name and role happened (server ms), so that of a person's records the latest join
 * names them. Records written before it was kept have none, and name nobody over one that has.
 */
export const presenceRecordSchema = z.extend(participantSchema, {
	joinedAt: z.optional(z.int().check(z.nonnegative()))
});
export type PresenceRecord = z.infer<typeof presenceRecordSchema>;

/**
 * Where a roster stands among the room's rosters (protocol S27): each presence write to the room
 * raises the version its rosters are read at, and a roster carries the version of the writes it
 * was read after. With Redis it is the room's own; the embedded store counts the process's
 * writes to any room, so only the order of a room's versions means anything. Rosters from
 * several instances can arrive out of order; of two, the higher version is the newer.
 */
export const rosterVersionSchema = z.int().check(z.nonnegative());

/** A roster and the version it was read at. */
export interface VersionedRoster {
	roster: Participant[];
	version: number;
}
