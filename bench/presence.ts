import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../src/lib/protocol/version';

/**
 * Practice Room's second connection per person: socket.io, joined to the room with a name and
 * a role, as the browser does. Answers a function that closes them all.
 */
export async function joinPresence(
	port: number,
	rooms: string[],
	perRoom: number
): Promise<() => void> {
	const sockets: Socket[] = [];
	await Promise.all(
		rooms.flatMap((roomId, roomIndex) =>
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
				const reply = (await socket.emitWithAck('room:join', {
					protocolVersion: PROTOCOL_VERSION,
					roomId,
					participantId: `bench-${roomIndex}-${i}-person`,
					participantKey: `bench-key-${roomIndex}-${i}`.padEnd(22, 'k'),
					name: `Person ${i + 1}`,
					roleId: i % 2 === 0 ? 'speaker' : 'listener'
				})) as { ok: boolean };
				if (!reply.ok) throw new Error(`join refused in ${roomId}`);
			})
		)
	);
	return () => {
		for (const socket of sockets) socket.disconnect();
	};
}
