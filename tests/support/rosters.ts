import type { Participant, VersionedRoster } from '../../src/lib/protocol/presence';
import { supersedes } from '../../src/lib/room/roster-order';
import type { TestSocket } from './clients';

/** Every roster `socket` receives from now on, in the order they arrive. */
export function rostersOf(socket: TestSocket): VersionedRoster[] {
	const rosters: VersionedRoster[] = [];
	socket.on('presence:roster', (roster, version) => rosters.push({ roster, version }));
	return rosters;
}

/** What a browser shows of `rosters`, received in this order: the newest (protocol S27). */
export const shown = (rosters: readonly VersionedRoster[]): Participant[] | undefined =>
	rosters.reduce<VersionedRoster | undefined>(
		(held, next) => (supersedes(next.version, held?.version) ? next : held),
		undefined
	)?.roster;
