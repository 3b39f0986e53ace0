import type { Participant } from '../../src/lib/protocol/presence';
import { RoomPresence, type RoomPresenceDeps } from './room-presence';
import type { RoomServer, RoomSocket } from './socket-types';

// What the tests of RoomPresence share (room-presence.test.ts, room-presence-leaves.test.ts).

/** A room-channel sender that sends nowhere: these tests read the presence store. */
export const nowhere = { to: () => ({ emit: () => true }) };

let socketCount = 0;
/** Just what RoomPresence uses of a socket.io socket: its id, channels and sending. */
export function fakeSocket(): RoomSocket {
	const socket = { id: `socket-${++socketCount}`, join: async () => {}, leave: async () => {} };
	// reason: a fake of the parts of a socket that RoomPresence uses.
	return { ...socket, ...nowhere } as unknown as RoomSocket;
}

export function participant(participantId: string, status: 'connected' | 'away'): Participant {
	return { participantId, name: participantId, roleId: 'player', status, seenAt: 0 };
}

/** This instance's presence over `deps`; unless given, it sends nowhere and settles nothing. */
export function roomPresence(
	deps: Omit<RoomPresenceDeps, 'io' | 'settle'> & Partial<Pick<RoomPresenceDeps, 'io' | 'settle'>>
): RoomPresence {
	// reason: a fake of the parts of the server that RoomPresence uses.
	return new RoomPresence({
		io: nowhere as unknown as RoomServer,
		settle: async () => {},
		...deps
	});
}
