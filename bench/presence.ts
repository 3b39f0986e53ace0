import { io, type Socket } from 'socket.io-client';
import type { ControlCommand } from '../src/lib/protocol/control';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../src/lib/protocol/version';

const COMMAND_TIMEOUT_MS = 10_000;

/** The people of one room, each joined over socket.io. */
export interface RoomPresence {
	/**
	 * Sends a control command as the room's first person; answers whether it was accepted. Fails
	 * when no answer comes within 10 s.
	 */
	command(command: ControlCommand): Promise<boolean>;
	leave(): void;
}

/**
 * Practice Room's second connection per person: socket.io, joined to the room with a name and
 * a role, as the browser does. With `agree`, everyone also confirms the playbook's agreements,
 * which commands need. Fails if a join is refused.
 */
export async function joinRoomPresence(
	port: number,
	roomId: string,
	roomIndex: number,
	perRoom: number,
	options: { agree?: boolean } = {}
): Promise<RoomPresence> {
	const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
	const leave = () => {
		for (const socket of sockets) socket.disconnect();
	};
	try {
		await Promise.all(
			Array.from({ length: perRoom }, async (_, i) => {
				const socket = io(`http://127.0.0.1:${port}`, {
					transports: ['websocket'],
					reconnection: false
				});
				sockets.push(socket);
				await new Promise<void>((resolve, reject) => {
					socket.once('connect', () => resolve());
					socket.once('connect_error', reject);
				});
				const reply = await socket.emitWithAck('room:join', {
					protocolVersion: PROTOCOL_VERSION,
					roomId,
					participantId: `bench-${roomIndex}-${i}-person`,
					participantKey: `bench-key-${roomIndex}-${i}`.padEnd(22, 'k'),
					name: `Person ${i + 1}`,
					roleId: i % 2 === 0 ? 'speaker' : 'listener'
				});
				if (!reply.ok) throw new Error(`join refused in ${roomId}: ${reply.error.code}`);
				if (options.agree) {
					const agreed = await socket.emitWithAck('control:command', {
						type: 'agreements.confirm'
					});
					if (!agreed.ok) throw new Error(`agreements refused in ${roomId}`);
				}
			})
		);
	} catch (error) {
		leave();
		throw error;
	}
	return {
		async command(command) {
			const reply = await sockets[0]
				?.timeout(COMMAND_TIMEOUT_MS)
				.emitWithAck('control:command', command);
			return reply?.ok === true;
		},
		leave
	};
}

/** Joins `perRoom` people to each room (see `joinRoomPresence`); answers a function that closes them all. */
export async function joinPresence(
	port: number,
	rooms: string[],
	perRoom: number
): Promise<() => void> {
	const joined = await Promise.all(
		rooms.map((roomId, roomIndex) => joinRoomPresence(port, roomId, roomIndex, perRoom))
	);
	return () => {
		for (const room of joined) room.leave();
	};
}
