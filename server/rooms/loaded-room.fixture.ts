import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import type { RoomMetrics } from '../metrics';
import { LocalHub } from '../fanout/local-hub';
import type { DocumentLog } from '../storage/document-log';
import type { DocCredentials } from './doc-access';
import type { LoadedRoom } from './loaded-room';
import { STORE_WITHIN_MS } from './log-writer';
import { processLock } from './room-lock';
import { initialRoomUpdate } from './stored-rooms';

// What the tests of a loaded room share (loaded-room.test.ts, loaded-room-connections.test.ts).

export const playbook = findBuiltInPlaybook('active-listening-sprint')!;
export const meta = { id: 'AAAAAAAAAAAAAAAAAAAAAA', playbookId: playbook.id, createdAt: 0 };

/** A log of the room that keeps what it was given (log-writer.test.ts tests the writing itself). */
export function recordingLog() {
	const appended: Uint8Array[] = [];
	const snapshots: Uint8Array[] = [];
	const log: DocumentLog = {
		instanceId: 'local',
		load: async () => ({ updates: [initialRoomUpdate(playbook)], cursor: undefined }),
		subscribe: () => () => {},
		append: async (_id, update) => {
			appended.push(update);
			return String(appended.length);
		},
		compact: async (_id, snapshot) => {
			snapshots.push(snapshot);
			return true;
		},
		lastPosition: async () => (appended.length > 0 ? String(appended.length) : undefined),
		close: async () => {}
	};
	return { log, appended, snapshots };
}

/** One instance on `log`, as the embedded server runs it. */
export const io = (log: DocumentLog, metrics?: RoomMetrics) => ({
	log,
	awareness: new LocalHub().awareness(log.instanceId),
	storeWithinMs: STORE_WITHIN_MS,
	lock: processLock,
	metrics
});

/** Anyone with the room's link, without a ticket. */
export const anyone: DocCredentials = { kind: 'link' };

/** A participant's document connection with the ticket the room gave them. */
export const ticketed = async (
	room: LoadedRoom,
	participantId: string
): Promise<DocCredentials> => ({
	kind: 'participant',
	participantId,
	ticket: await room.secrets.docTicket(participantId)
});
