import * as z from 'zod/mini';
import type { PlannedDeadline } from '../room/async-view';
import { readStoredJson, savedCalendarKey, writeStored } from './identity';

/** A room has at most a few dozen steps; a longer list in storage is not ours. */
const MAX_SAVED_DEADLINES = 500;

/** The deadlines of the calendar file this browser last downloaded for a room's turns. */
const savedDeadlinesSchema = z
	.array(
		z.object({
			phaseIndex: z.number().check(z.int(), z.nonnegative()),
			round: z.number().check(z.int(), z.nonnegative()),
			at: z.number().check(z.int())
		})
	)
	.check(z.maxLength(MAX_SAVED_DEADLINES));

/** The deadlines of the last calendar file downloaded here for `roomId`; undefined when none. */
export function savedDeadlines(roomId: string): PlannedDeadline[] | undefined {
	return readStoredJson(savedCalendarKey(roomId), savedDeadlinesSchema);
}

/** Remembers that the calendar file downloaded now for `roomId` holds `deadlines`. */
export function saveDeadlines(roomId: string, deadlines: readonly PlannedDeadline[]): void {
	writeStored(savedCalendarKey(roomId), JSON.stringify(deadlines));
}
