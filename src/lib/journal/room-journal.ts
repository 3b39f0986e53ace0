import type * as Y from 'yjs';
import { readRoomContent } from '../client/room-content';
import type { RoomSession } from '../client/room-session.svelte';
import { CONTROL_MAP, type ControlState } from '../protocol/control';
import { COMMITMENTS_MAP, SCHEDULE_MAP, SHOUT_OUTS_ARRAY } from '../protocol/room-content';
import { attendanceEntry } from './attendance';
import { attendedId, CHECK_IN_SUBJECTS, checkInId, type SessionFacts } from './entry';
import { sessionFollowUp } from './follow-up';
import type { JournalStore } from './journal-store';
import { sessionFacts, type PrefillInput } from './prefill';
import { readShoutOuts, receivedShoutOuts } from './shout-outs';

/** A room this browser takes part in, as the journal reads it. */
export interface RoomJournalSource {
	doc: Y.Doc;
	roomId: string;
	playbook: PrefillInput['playbook'];
	/** This browser's participant id in the room. */
	selfId: string;
	/** The room's control state, once synced. */
	control: () => ControlState | undefined;
	/** Server time now, in ms since the epoch. */
	now: () => number;
}

/** A live room session, as the journal reads it: its document, control state and server clock. */
export function sessionSource(
	session: Pick<RoomSession, 'doc' | 'clock' | 'roomId'>,
	playbook: PrefillInput['playbook'],
	selfId: string
): RoomJournalSource {
	return {
		doc: session.doc.doc,
		roomId: session.roomId,
		playbook,
		selfId,
		control: () => session.doc.control,
		now: () => session.clock.now() ?? Date.now()
	};
}

/** This person's facts of the session as the document holds them now; none before it syncs. */
export function readSessionFacts(source: RoomJournalSource): SessionFacts | undefined {
	const control = source.control();
	if (!control) return undefined;
	const { doc, playbook, roomId, selfId } = source;
	const content = readRoomContent(doc, playbook, control);
	return sessionFacts({ playbook, control, content, now: source.now(), roomId, selfId });
}

/** Commitments are typed a key at a time: the journal takes them once typing pauses. */
const QUIET_MS = 1_000;

/** Copies what the room holds for this person into the journal: each step adds or updates. */
async function copyToJournal(source: RoomJournalSource, journal: JournalStore): Promise<void> {
	const control = source.control();
	const facts = readSessionFacts(source);
	if (!control || !facts) return;
	// The server clock's estimate has fractions of a millisecond; records keep whole ones.
	const now = Math.round(source.now());
	const shoutOuts = readShoutOuts(source.doc.getArray(SHOUT_OUTS_ARRAY));
	const context = { ...source, playbookTitle: source.playbook.title, now };
	for (const entry of receivedShoutOuts(shoutOuts, control.people, context)) {
		await journal.add(entry);
	}
	const storedAttendance = await journal.get(attendedId(source.roomId));
	const attended = attendanceEntry(
		{ control, facts, selfId: source.selfId, now },
		storedAttendance?.type === 'attended' ? storedAttendance : undefined
	);
	if (attended) await journal.put(attended);
	for (const subject of CHECK_IN_SUBJECTS) {
		const stored = await journal.get(checkInId(source.roomId, subject));
		const existing = stored?.type === 'check-in' ? stored : undefined;
		const next = sessionFollowUp(subject, facts, existing, now);
		if (next) await journal.put(next);
	}
}

/** Forgets that this person took part in an erased room, as the room's other local data goes. */
export async function forgetRoomAttendance(roomId: string, journal: JournalStore): Promise<void> {
	await journal.delete(attendedId(roomId)).catch(() => {
		// IndexedDB unavailable: there is no journal to forget from.
	});
}

/**
 * Keeps this browser's journal up to date with a room it takes part in, until the answer is
 * called: that this person took part is recorded once they confirm the agreements
 * (`attendanceEntry`), each shout-out addressed to this person is added once, this person's commitment
 * and planned conversation get their follow-up check-ins (`sessionFollowUp`). It reads the room
 * now and after every change to the types it depends on, once changes pause.
 */
export function syncRoomJournal(source: RoomJournalSource, journal: JournalStore): () => void {
	const types = [
		source.doc.getArray(SHOUT_OUTS_ARRAY),
		source.doc.getMap(COMMITMENTS_MAP),
		source.doc.getMap(SCHEDULE_MAP),
		source.doc.getMap(CONTROL_MAP)
	];
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** One copy at a time, so two copies never add the same record side by side. */
	let copying = Promise.resolve();
	const copy = () => {
		copying = copying
			.then(() => copyToJournal(source, journal))
			.catch(() => {
				// IndexedDB unavailable (private mode, storage full): the room works without a journal.
			});
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(copy, QUIET_MS);
	};
	for (const type of types) type.observeDeep(schedule);
	copy();
	return () => {
		clearTimeout(timer);
		for (const type of types) type.unobserveDeep(schedule);
	};
}
