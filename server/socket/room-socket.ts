import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { controlCommandSchema } from '../../src/lib/protocol/control';
import { ROOM_NOT_FOUND } from '../../src/lib/protocol/http';
import type { Participant } from '../../src/lib/protocol/presence';
import { parseWithProblems } from '../../src/lib/protocol/problems';
import {
	joinRequestSchema,
	ratingRequestSchema,
	visibilityRequestSchema,
	watchRequestSchema,
	type ClientToServerEvents,
	type ProtocolError,
	type Reply,
	type RosterReply,
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
	/**
	 * How long someone may be disconnected before the room stops waiting for them: a phone
	 * dropping off Wi-Fi for a moment must not reveal the ratings it had not given yet.
	 */
	leaveGraceMs: number;
}

interface Membership {
	roomId: string;
	participant: Participant;
	lease: RoomLease;
}

type Failure = { ok: false; error: ProtocolError };

const roomChannel = (roomId: string) => `room:${roomId}`;

function failure(code: ProtocolError['code'], message: string): Failure {
	return { ok: false, error: { code, message } };
}

/** Parses a payload; a bad one becomes the `invalid_payload` answer listing its problems. */
function parsePayload<S extends z.ZodType>(
	schema: S,
	payload: unknown
): { ok: true; data: z.output<S> } | Failure {
	const parsed = parseWithProblems(schema, payload);
	return parsed.ok ? parsed : failure('invalid_payload', parsed.problems.join('; '));
}

/** The roster without heartbeat times, to tell a real change from a refresh. */
function rosterKey(roster: Participant[]): string {
	return JSON.stringify(roster.map(({ seenAt: _seenAt, ...rest }) => rest));
}

/**
 * Room control over socket.io: watch, join with presence, visibility, control commands, sealed
 * ratings and clock pings. Every payload is parsed first; a bad one is answered with an error and changes
 * nothing (docs/protocol.md, rules S1–S8). Each socket's events are handled one at a time, in
 * order, so a join and a disconnect cannot interleave.
 */
export function attachRoomSocket(io: RoomServer, deps: RoomSocketDeps): { close(): void } {
	const members = new Map<string, Membership>();
	const lastRoster = new Map<string, string>();

	async function broadcastRoster(roomId: string, force = false): Promise<void> {
		const roster = await deps.presence.list(roomId, deps.now());
		const key = rosterKey(roster);
		if (!force && lastRoster.get(roomId) === key) return;
		lastRoster.set(roomId, key);
		io.to(roomChannel(roomId)).emit('presence:roster', roster);
	}

	/** Participant ids of everyone in the roster who is here, or left less than a grace ago. */
	const presentIds = (roster: readonly Participant[], now: number) =>
		roster
			.filter((p) => p.status !== 'gone' || now - p.seenAt < deps.leaveGraceMs)
			.map((p) => p.participantId);

	async function presentIn(roomId: string): Promise<string[]> {
		const now = deps.now();
		return presentIds(await deps.presence.list(roomId, now), now);
	}

	/** Reveals the ratings no one present is still to give, in a room this instance serves. */
	async function revealDue(roomId: string): Promise<void> {
		const room = [...members.values()].find((member) => member.roomId === roomId)?.lease.room;
		if (room) await room.revealDue(await presentIn(roomId));
	}

	async function leave(socket: RoomSocket): Promise<void> {
		const member = members.get(socket.id);
		if (!member) return;
		members.delete(socket.id);
		try {
			await socket.leave(roomChannel(member.roomId));
			const others = [...members.values()].filter((other) => other.roomId === member.roomId);
			if (
				!others.some(
					(other) => other.participant.participantId === member.participant.participantId
				)
			) {
				await deps.presence.put(member.roomId, {
					...member.participant,
					status: 'gone',
					seenAt: deps.now()
				});
				// Once the grace is over, the others need not wait for this person's rating.
				setTimeout(() => {
					revealDue(member.roomId).catch((error: unknown) =>
						console.warn('[ratings] reveal check failed', error)
					);
				}, deps.leaveGraceMs).unref();
			}
			if (others.length === 0) lastRoster.delete(member.roomId);
			await broadcastRoster(member.roomId, true);
		} finally {
			member.lease.release();
		}
	}

	async function watch(socket: RoomSocket, payload: unknown): Promise<RosterReply> {
		const parsed = parsePayload(watchRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const { roomId } = parsed.data;
		if (!(await deps.rooms.getRoom(roomId))) return failure('room_not_found', ROOM_NOT_FOUND);
		await socket.join(roomChannel(roomId));
		return { ok: true, roster: await deps.presence.list(roomId, deps.now()) };
	}

	async function join(socket: RoomSocket, payload: unknown): Promise<RosterReply> {
		const parsed = parsePayload(joinRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const request = parsed.data;
		if (request.protocolVersion !== PROTOCOL_VERSION) {
			return failure(
				'protocol_mismatch',
				'This page is out of date with the server. Reload the page to continue.'
			);
		}
		const lease = await deps.rooms.acquire(request.roomId);
		if (!lease) return failure('room_not_found', ROOM_NOT_FOUND);
		if (!lease.room.playbook.roles.some((role) => role.id === request.roleId)) {
			lease.release();
			return failure('unknown_role', `This playbook has no role "${request.roleId}".`);
		}
		await leave(socket);
		if (socket.disconnected) {
			// Gone while the room loaded: nobody to show as present.
			lease.release();
			return failure('not_joined', 'The connection closed while joining.');
		}
		const participant: Participant = {
			participantId: request.participantId,
			name: request.name,
			roleId: request.roleId,
			status: 'connected',
			seenAt: deps.now()
		};
		members.set(socket.id, { roomId: request.roomId, participant, lease });
		lease.room.recordPerson(
			participant.participantId,
			{ name: request.name, roleId: request.roleId },
			deps.now()
		);
		await socket.join(roomChannel(request.roomId));
		await deps.presence.put(request.roomId, participant);
		const roster = await deps.presence.list(request.roomId, deps.now());
		lastRoster.set(request.roomId, rosterKey(roster));
		socket.to(roomChannel(request.roomId)).emit('presence:roster', roster);
		return { ok: true, roster };
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
		const parsed = parsePayload(controlCommandSchema, payload);
		if (!parsed.ok) return parsed;
		const result = member.lease.room.command(parsed.data, deps.now());
		return result.ok ? { ok: true } : result;
	}

	async function rate(socket: RoomSocket, payload: unknown): Promise<Reply> {
		const member = members.get(socket.id);
		if (!member) return failure('not_joined', 'Join the room before rating.');
		const parsed = parsePayload(ratingRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const { step, value } = parsed.data;
		try {
			const result = await member.lease.room.rate(
				member.participant.participantId,
				step,
				value,
				() => presentIn(member.roomId)
			);
			return result.ok ? result : failure('invalid_command', result.message);
		} catch (error) {
			console.error(`[room ${member.roomId}] storing a rating failed`, error);
			return failure('internal', 'Your rating could not be saved. Please try again.');
		}
	}

	io.on('connection', (socket: RoomSocket) => {
		let queue: Promise<unknown> = Promise.resolve();
		/** Runs handlers one at a time; nothing a client sends can throw out of one. */
		const inOrder = (work: () => Promise<unknown>) => {
			queue = queue.then(work).catch((error: unknown) => {
				console.error(`[socket ${socket.id}] handler failed`, error);
				socket.emit('protocol:error', {
					code: 'internal',
					message: 'Something went wrong on the server.'
				});
			});
		};
		/** Answers through the acknowledgement, if the client sent one. */
		const answer = (ack: unknown, reply: Reply) => {
			if (typeof ack === 'function') ack(reply);
		};

		socket.on('clock:ping', (ack: unknown) => {
			if (typeof ack === 'function') ack({ serverTime: deps.now() });
		});
		socket.on('room:watch', (payload: unknown, ack: unknown) =>
			inOrder(async () => answer(ack, await watch(socket, payload)))
		);
		socket.on('room:join', (payload: unknown, ack: unknown) =>
			inOrder(async () => answer(ack, await join(socket, payload)))
		);
		socket.on('presence:visibility', (payload: unknown) =>
			inOrder(() => setVisibility(socket, payload))
		);
		socket.on('control:command', (payload: unknown, ack: unknown) =>
			inOrder(async () => answer(ack, command(socket, payload)))
		);
		socket.on('rating:submit', (payload: unknown, ack: unknown) =>
			inOrder(async () => answer(ack, await rate(socket, payload)))
		);
		socket.on('disconnect', () => inOrder(() => leave(socket)));
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
			// Someone whose server vanished no longer holds up a rating reveal.
			void revealDue(roomId).catch((error: unknown) =>
				console.warn('[ratings] reveal check failed', error)
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
