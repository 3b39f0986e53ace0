import type { Server, Socket } from 'socket.io';
import { controlCommandSchema } from '../../src/lib/protocol/control';
import type { Participant } from '../../src/lib/protocol/presence';
import { formatProblems } from '../../src/lib/protocol/problems';
import {
	joinRequestSchema,
	watchRequestSchema,
	visibilityRequestSchema,
	type ClientToServerEvents,
	type RosterReply,
	type ProtocolError,
	type Reply,
	type ServerToClientEvents
} from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import type { PresenceStore } from '../presence/presence-store';
import type { RoomLease, RoomRegistry } from '../rooms/room-registry';

/** Incoming payloads are untrusted: every handler receives `unknown` and parses it. */
type UntrustedEvents = { [E in keyof ClientToServerEvents]: (...args: unknown[]) => void };
export type RoomServer = Server<UntrustedEvents, ServerToClientEvents>;
type RoomSocket = Socket<UntrustedEvents, ServerToClientEvents>;

export interface RoomSocketDeps {
	rooms: RoomRegistry;
	presence: PresenceStore;
	/** Server wall-clock time in ms. */
	now(): number;
	/** How often this instance refreshes its participants' presence records. */
	heartbeatMs: number;
}

interface Membership {
	roomId: string;
	participant: Participant;
	lease: RoomLease;
}

const roomChannel = (roomId: string) => `room:${roomId}`;

function asAck<R>(value: unknown): (reply: R) => void {
	return typeof value === 'function' ? (value as (reply: R) => void) : () => {};
}

function failure(
	code: ProtocolError['code'],
	message: string
): { ok: false; error: ProtocolError } {
	return { ok: false, error: { code, message } };
}

/**
 * Room control over socket.io: join with presence, visibility, control commands and clock
 * pings. Every payload is parsed first; a bad one is answered with an error and changes nothing
 * (docs/protocol.md, rules S1–S8).
 */
export function attachRoomSocket(io: RoomServer, deps: RoomSocketDeps): { close(): void } {
	const members = new Map<string, Membership>();
	const lastRoster = new Map<string, string>();

	async function broadcastRoster(roomId: string, force = false): Promise<void> {
		const roster = await deps.presence.list(roomId, deps.now());
		const serialized = JSON.stringify(roster);
		if (!force && lastRoster.get(roomId) === serialized) return;
		lastRoster.set(roomId, serialized);
		io.to(roomChannel(roomId)).emit('presence:roster', roster);
	}

	async function leave(socket: RoomSocket): Promise<void> {
		const member = members.get(socket.id);
		if (!member) return;
		members.delete(socket.id);
		member.lease.release();
		await socket.leave(roomChannel(member.roomId));
		const stillHere = [...members.values()].some(
			(other) =>
				other.roomId === member.roomId &&
				other.participant.participantId === member.participant.participantId
		);
		if (!stillHere) {
			await deps.presence.put(member.roomId, {
				...member.participant,
				status: 'gone',
				seenAt: deps.now()
			});
		}
		if (![...members.values()].some((other) => other.roomId === member.roomId)) {
			lastRoster.delete(member.roomId);
		}
		await broadcastRoster(member.roomId, true);
	}

	async function join(socket: RoomSocket, payload: unknown): Promise<RosterReply> {
		const parsed = joinRequestSchema.safeParse(payload);
		if (!parsed.success) return failure('invalid_payload', formatProblems(parsed.error).join('; '));
		const request = parsed.data;
		if (request.protocolVersion !== PROTOCOL_VERSION) {
			return failure(
				'protocol_mismatch',
				'This page is out of date with the server. Reload the page to continue.'
			);
		}
		const lease = await deps.rooms.acquire(request.roomId);
		if (!lease) return failure('room_not_found', 'This room does not exist or has ended.');
		if (!lease.room.playbook.roles.some((role) => role.id === request.roleId)) {
			lease.release();
			return failure('unknown_role', `This playbook has no role "${request.roleId}".`);
		}
		await leave(socket);
		const participant: Participant = {
			participantId: request.participantId,
			name: request.name,
			roleId: request.roleId,
			status: 'connected',
			seenAt: deps.now()
		};
		members.set(socket.id, { roomId: request.roomId, participant, lease });
		await socket.join(roomChannel(request.roomId));
		await deps.presence.put(request.roomId, participant);
		const roster = await deps.presence.list(request.roomId, deps.now());
		lastRoster.set(request.roomId, JSON.stringify(roster));
		socket.to(roomChannel(request.roomId)).emit('presence:roster', roster);
		return { ok: true, roster };
	}

	async function watch(socket: RoomSocket, payload: unknown): Promise<RosterReply> {
		const parsed = watchRequestSchema.safeParse(payload);
		if (!parsed.success) return failure('invalid_payload', formatProblems(parsed.error).join('; '));
		const { roomId } = parsed.data;
		if (!(await deps.rooms.getRoom(roomId))) {
			return failure('room_not_found', 'This room does not exist or has ended.');
		}
		await socket.join(roomChannel(roomId));
		return { ok: true, roster: await deps.presence.list(roomId, deps.now()) };
	}

	async function setVisibility(socket: RoomSocket, payload: unknown): Promise<void> {
		const member = members.get(socket.id);
		const parsed = visibilityRequestSchema.safeParse(payload);
		if (!member || !parsed.success) return;
		member.participant = {
			...member.participant,
			status: parsed.data.visible ? 'connected' : 'away',
			seenAt: deps.now()
		};
		await deps.presence.put(member.roomId, member.participant);
		await broadcastRoster(member.roomId);
	}

	function command(socket: RoomSocket, payload: unknown): Reply {
		const member = members.get(socket.id);
		if (!member) return failure('not_joined', 'Join the room before changing it.');
		const parsed = controlCommandSchema.safeParse(payload);
		if (!parsed.success) return failure('invalid_payload', formatProblems(parsed.error).join('; '));
		const result = member.lease.room.command(parsed.data, deps.now());
		return result.ok ? { ok: true } : result;
	}

	/** Runs a handler so that nothing a client sends can throw out of it. */
	function guarded(socket: RoomSocket, work: () => Promise<unknown>): void {
		work().catch((error: unknown) => {
			console.error(`[socket ${socket.id}] handler failed`, error);
			socket.emit('protocol:error', {
				code: 'internal',
				message: 'Something went wrong on the server.'
			});
		});
	}

	io.on('connection', (socket: RoomSocket) => {
		socket.on('clock:ping', (ack: unknown) => {
			if (typeof ack === 'function') ack({ serverTime: deps.now() });
		});
		socket.on('room:watch', (payload: unknown, ack: unknown) =>
			guarded(socket, async () => asAck<RosterReply>(ack)(await watch(socket, payload)))
		);
		socket.on('room:join', (payload: unknown, ack: unknown) =>
			guarded(socket, async () => asAck<RosterReply>(ack)(await join(socket, payload)))
		);
		socket.on('presence:visibility', (payload: unknown) =>
			guarded(socket, () => setVisibility(socket, payload))
		);
		socket.on('control:command', (payload: unknown, ack: unknown) =>
			guarded(socket, async () => asAck<Reply>(ack)(command(socket, payload)))
		);
		socket.on('disconnect', () => guarded(socket, () => leave(socket)));
	});

	// Heartbeats keep this instance's participants fresh; a crashed instance's go stale.
	const heartbeat = setInterval(() => {
		const rooms = new Set<string>();
		for (const member of members.values()) {
			member.participant = { ...member.participant, seenAt: deps.now() };
			rooms.add(member.roomId);
			void deps.presence
				.put(member.roomId, member.participant)
				.catch((error: unknown) => console.warn('[presence] heartbeat failed', error));
		}
		for (const roomId of rooms) {
			void broadcastRoster(roomId).catch((error: unknown) =>
				console.warn('[presence] roster refresh failed', error)
			);
		}
	}, deps.heartbeatMs);
	heartbeat.unref();

	return {
		close() {
			clearInterval(heartbeat);
			for (const member of members.values()) member.lease.release();
			members.clear();
		}
	};
}
