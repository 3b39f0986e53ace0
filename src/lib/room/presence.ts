import type { Participant, PresenceRecord, PresenceStatus } from '../protocol/presence';

export interface PresencePolicy {
	/** A record not refreshed for this long is shown as gone: its server stopped heart-beating. */
	staleAfterMs: number;
	/** A record not refreshed for this long is dropped from the roster. */
	forgetAfterMs: number;
}

/** How often each instance refreshes its participants' records by default. */
export const DEFAULT_HEARTBEAT_MS = 5_000;

/**
 * The policy for instances heart-beating every `heartbeatMs`: a record four beats old is
 * stale, so an instance that died shows its people as gone on everyone's roster within five
 * beats (stale, then the next beat of a surviving instance in the room sends it): 25 s by
 * default.
 */
export const presencePolicy = (heartbeatMs: number): PresencePolicy => ({
	staleAfterMs: 4 * heartbeatMs,
	forgetAfterMs: 30 * 60_000
});

export const DEFAULT_PRESENCE_POLICY: PresencePolicy = presencePolicy(DEFAULT_HEARTBEAT_MS);

/** A stored presence record and the key it is stored under: one per person and instance. */
export interface StoredRecord {
	key: string;
	record: PresenceRecord;
}

export interface RosterView {
	roster: Participant[];
	/** Keys of the records old enough to delete from the store. */
	expired: string[];
}

/** How present each status is: someone is as present as their most present record. */
const PRESENCE_RANK: Record<PresenceStatus, number> = {
	gone: 0,
	dropped: 1,
	away: 2,
	connected: 3
};

/**
 * Whether `a` says more of someone than `b`: more present; or as present and from a later join
 * (it has their latest name and role); or as present, joined as late, and first by key.
 */
function morePresent(a: StoredRecord, b: StoredRecord): boolean {
	const rank = PRESENCE_RANK[a.record.status] - PRESENCE_RANK[b.record.status];
	if (rank !== 0) return rank > 0;
	const joined = (a.record.joinedAt ?? 0) - (b.record.joinedAt ?? 0);
	return joined !== 0 ? joined > 0 : a.key < b.key;
}

/**
 * Turns stored presence records into what people see at server time `now`: one entry per
 * person, however many instances hold a record of them (each instance writes its own). A record
 * not refreshed for the stale period counts as gone. Someone is as present as their most present
 * record, so a tab closing or hiding on one instance does not hide their tab shown on another;
 * the entry has that record's name and role (of two as present, the one of the later join: not
 * the later heartbeat, which would change it with each beat) and their latest sign of life.
 */
export function rosterView(
	stored: readonly StoredRecord[],
	now: number,
	policy: PresencePolicy
): RosterView {
	const people = new Map<string, { shown: StoredRecord; seenAt: number }>();
	const expired: string[] = [];
	for (const { key, record } of stored) {
		const age = now - record.seenAt;
		if (age > policy.forgetAfterMs) {
			expired.push(key);
			continue;
		}
		const stale = age > policy.staleAfterMs && record.status !== 'gone';
		const shown = { key, record: stale ? { ...record, status: 'gone' as const } : record };
		const person = people.get(record.participantId);
		if (!person) people.set(record.participantId, { shown, seenAt: record.seenAt });
		else {
			person.seenAt = Math.max(person.seenAt, record.seenAt);
			if (morePresent(shown, person.shown)) person.shown = shown;
		}
	}
	// What browsers see: a participant, without when they joined.
	const roster = [...people.values()].map(({ shown: { record }, seenAt }) => {
		const { participantId, name, roleId, status } = record;
		return { participantId, name, roleId, status, seenAt };
	});
	roster.sort(
		(a, b) => a.name.localeCompare(b.name) || a.participantId.localeCompare(b.participantId)
	);
	return { roster, expired };
}

/**
 * The record of one open connection (a tab) as `status` at `now`. A connection's `seenAt` is
 * when it joined, under its name and role.
 */
export const tabRecord = (
	connection: Participant,
	status: PresenceStatus,
	now: number
): PresenceRecord => ({ ...connection, status, seenAt: now, joinedAt: connection.seenAt });

/**
 * One person's record from their open connections through one instance (tabs with the same
 * participant id), in the order they joined: `connected` while any of them is visible, `away`
 * only when all are hidden, so a second tab hiding or closing leaves them here while the first is
 * shown. Name and role are their latest join's. Undefined when none is open.
 */
export function personRecord(
	connections: readonly Participant[],
	seenAt: number
): PresenceRecord | undefined {
	const latest = connections.at(-1);
	if (!latest) return undefined;
	const shown = connections.some((connection) => connection.status === 'connected');
	return tabRecord(latest, shown ? 'connected' : 'away', seenAt);
}
