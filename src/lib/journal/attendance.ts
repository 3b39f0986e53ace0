import type { ControlState } from '../protocol/control';
import { attendedId, type AttendedEntry, type SessionFacts } from './entry';

/** What the attendance record of a session is made from. */
export interface AttendanceInput {
	control: ControlState;
	/** This person's facts of the session (`readSessionFacts`): room, playbook, date, skills. */
	facts: SessionFacts;
	/** This browser's participant id in the room. */
	selfId: string;
	/** Now, in ms since the epoch (whole ms). */
	now: number;
}

/**
 * Whether this person has taken part for a meaningful moment: they joined and confirmed the
 * agreements, or the room has moved past its first step while they were in it (a room whose
 * playbook has no agreements to confirm).
 */
export function tookPart(control: ControlState, selfId: string): boolean {
	if (control.people[selfId] === undefined) return false;
	return control.agreed.includes(selfId) || control.step > 0;
}

/**
 * The attendance record to store, or undefined when there is nothing (new) to store: not taken
 * part yet, or the stored record already names this room, date and every role played. A role
 * played later (the rotation) is added to the stored one; `createdAt` never changes.
 */
export function attendanceEntry(
	input: AttendanceInput,
	existing: AttendedEntry | undefined
): AttendedEntry | undefined {
	const { control, facts, selfId, now } = input;
	if (!tookPart(control, selfId)) return undefined;
	const role = control.people[selfId]?.roleId;
	const roles = [...(existing?.roles ?? [])];
	if (role !== undefined && !roles.includes(role)) roles.push(role);
	// The first record's date stays: later copies read the same session.
	const date = existing?.date ?? facts.date;
	if (existing && existing.roles.length === roles.length) return undefined;
	return {
		type: 'attended',
		id: attendedId(facts.roomId),
		createdAt: existing?.createdAt ?? now,
		updatedAt: now,
		roomId: facts.roomId,
		playbookId: facts.playbookId,
		playbookTitle: facts.playbookTitle,
		date,
		skills: [...facts.skills],
		roles
	};
}

/**
 * A session known only by its attendance: the facts a reflection would carry, with nothing
 * measured (no time, ratings or paraphrases), so it counts as one session and adds no minutes.
 */
export function attendedSessionFacts(entry: AttendedEntry): SessionFacts {
	return {
		roomId: entry.roomId,
		playbookId: entry.playbookId,
		playbookTitle: entry.playbookTitle,
		date: entry.date,
		durationMs: 0,
		skills: [...entry.skills],
		commitment: null,
		ratingsReceived: [],
		starredPhrases: [],
		paraphrasesWritten: 0,
		feedbackMessagesDrafted: 0,
		feedbackConversation: null
	};
}
