import type { Participant } from '../protocol/presence';

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
 * stale, so an instance that died takes its people off everyone's roster within five beats
 * (stale, then the next beat of a surviving instance shows it): 25 s by default.
 */
export const presencePolicy = (heartbeatMs: number): PresencePolicy => ({
	staleAfterMs: 4 * heartbeatMs,
	forgetAfterMs: 30 * 60_000
});

export const DEFAULT_PRESENCE_POLICY: PresencePolicy = presencePolicy(DEFAULT_HEARTBEAT_MS);

export interface RosterView {
	roster: Participant[];
	/** Ids whose records are old enough to delete from the store. */
	expired: string[];
}

/** Turns stored presence records into what people see at server time `now`. */
export function rosterView(
	records: readonly Participant[],
	now: number,
	policy: PresencePolicy
): RosterView {
	const roster: Participant[] = [];
	const expired: string[] = [];
	for (const record of records) {
		const age = now - record.seenAt;
		if (age > policy.forgetAfterMs) expired.push(record.participantId);
		else if (age > policy.staleAfterMs && record.status !== 'gone')
			roster.push({ ...record, status: 'gone' });
		else roster.push(record);
	}
	roster.sort(
		(a, b) => a.name.localeCompare(b.name) || a.participantId.localeCompare(b.participantId)
	);
	return { roster, expired };
}

/**
 * One person's record from their open connections through one instance (tabs with the same
 * participant id), in the order they joined: `connected` while any of them is visible, `away`
 * only when all are hidden, so a second tab hiding or closing leaves them here while the first is
 * shown. Name and role are their latest join's. Undefined when none is open.
 */
export function personRecord(
	connections: readonly Participant[],
	seenAt: number
): Participant | undefined {
	const latest = connections.at(-1);
	if (!latest) return undefined;
	const shown = connections.some((connection) => connection.status === 'connected');
	return { ...latest, status: shown ? 'connected' : 'away', seenAt };
}
