import type { Event, Server, Socket } from 'socket.io';
import type { Metrics } from '../metrics';
import type { z } from 'zod';
import { assertNever } from '../../src/lib/assert-never';
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
	type JoinReply,
	type RosterReply,
	type ServerToClientEvents
} from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import { admissionRefusal, erasesRoom } from '../../src/lib/room/room-rules';
import { LIMIT_WORDS } from '../limits/limits';
import { admitSocketEvent, newSocketRate } from '../limits/message-rate';
import { log } from '../log';
import type { PresenceStore } from '../presence/presence-store';
import type { RoomLease, RoomRegistry } from '../rooms/room-registry';

/** Incoming payloads are untrusted: every handler receives `unknown` and parses it. */
type UntrustedEvents = { [E in keyof ClientToServerEvents]: (...args: unknown[]) => void };
/** What instances tell each other through socket.io's adapter (docs/scale-out.md). */
interface InterServerEvents {
	/** A room was erased through another instance: let its people here go. */
	'room:erase': (roomId: unknown) => void;
}
export type RoomServer = Server<UntrustedEvents, ServerToClientEvents, InterServerEvents>;
type RoomSocket = Socket<UntrustedEvents, ServerToClientEvents>;

export interface RoomSocketDeps {
	rooms: RoomRegistry;
	/** Counts for /metrics: people joined through this instance. */
	metrics: Metrics;
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
	/** Whether other instances share this one's rooms through socket.io's Redis adapter. */
	sharedWithOtherInstances: boolean;
}

interface Membership {
	roomId: string;
	participant: Participant;
	lease: RoomLease;
}

type Failure = { ok: false; error: ProtocolError };

const roomChannel = (roomId: string) => `room:${roomId}`;
/** One person's sockets in a room, on whichever instance they are connected to. */
const personChannel = (roomId: string, participantId: string) =>
	`room:${roomId}:person:${participantId}`;

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
 * ratings, erasing and clock pings. Every payload is parsed first; a bad one is answered with an
 * error and changes nothing (docs/protocol.md, rules S1–S8). Each socket's events are handled one
 * at a time, in order, so a join and a disconnect cannot interleave.
 */
export function attachRoomSocket(io: RoomServer, deps: RoomSocketDeps): { close(): void } {
	const members = new Map<string, Membership>();
	// People, not sockets: one person may have a room open in two tabs.
	deps.metrics.measure(
		'connectedPeople',
		() =>
			new Set([...members.values()].map((m) => `${m.roomId} ${m.participant.participantId}`)).size
	);
	const lastRoster = new Map<string, string>();
	/**
	 * Rooms erased lately: a presence write already under way for one (a leave, the end of a
	 * leave grace) must not bring a name back after the erase. Kept as long as such a write can
	 * come.
	 */
	const erasedRooms = new Set<string>();

	async function putPresence(roomId: string, participant: Participant): Promise<void> {
		if (!erasedRooms.has(roomId)) await deps.presence.put(roomId, participant);
	}
	/** Pending "gone after the grace" checks, cancelled when the server closes. */
	const graceTimers = new Set<ReturnType<typeof setTimeout>>();

	async function broadcastRoster(roomId: string, force = false): Promise<void> {
		const roster = await deps.presence.list(roomId, deps.now());
		const key = rosterKey(roster);
		if (!force && lastRoster.get(roomId) === key) return;
		lastRoster.set(roomId, key);
		io.to(roomChannel(roomId)).emit('presence:roster', roster);
	}

	/**
	 * Participant ids of everyone in the room who has not gone. Someone who leaves is away for
	 * the leave grace first, so the room waits for them that long (a reveal, the host role).
	 */
	async function presentIn(roomId: string): Promise<string[]> {
		const roster = await deps.presence.list(roomId, deps.now());
		return roster.filter((p) => p.status !== 'gone').map((p) => p.participantId);
	}

	/**
	 * Applies who is present to a room this instance serves (reveals, host fallback, ready), and
	 * erases it when everyone left has agreed to.
	 */
	async function settle(roomId: string): Promise<void> {
		const room = [...members.values()].find((member) => member.roomId === roomId)?.lease.room;
		if (room && (await room.settle(await presentIn(roomId), deps.now()))) await erase(roomId);
	}

	async function leave(socket: RoomSocket): Promise<void> {
		const member = members.get(socket.id);
		if (!member) return;
		members.delete(socket.id);
		try {
			await socket.leave(roomChannel(member.roomId));
			await socket.leave(personChannel(member.roomId, member.participant.participantId));
			const others = [...members.values()].filter((other) => other.roomId === member.roomId);
			if (
				!others.some(
					(other) => other.participant.participantId === member.participant.participantId
				)
			) {
				// Away first: a phone dropping off Wi-Fi for a moment is back before the grace ends.
				const leftAt = deps.now();
				await putPresence(member.roomId, {
					...member.participant,
					status: 'away',
					seenAt: leftAt
				});
				const timer = setTimeout(() => {
					graceTimers.delete(timer);
					goneAfterGrace(member.roomId, member.participant.participantId, leftAt).catch(
						(error: unknown) => log.socket.warn({ err: error }, 'marking someone gone failed')
					);
				}, deps.leaveGraceMs);
				timer.unref();
				graceTimers.add(timer);
			}
			if (others.length === 0) lastRoster.delete(member.roomId);
			await broadcastRoster(member.roomId, true);
		} finally {
			member.lease.release();
		}
	}

	/**
	 * Marks someone gone once the grace after their leaving is over, unless they came back
	 * meanwhile (their record changed since), and lets the room stop waiting for them.
	 */
	async function goneAfterGrace(roomId: string, participantId: string, leftAt: number) {
		const record = (await deps.presence.list(roomId, deps.now())).find(
			(person) => person.participantId === participantId
		);
		if (!record || record.seenAt !== leftAt || record.status === 'gone') return;
		await putPresence(roomId, { ...record, status: 'gone', seenAt: deps.now() });
		await broadcastRoster(roomId, true);
		await settle(roomId);
	}

	/**
	 * Ends and erases a room (protocol S18): every socket of the room hears it, its members are
	 * let go without a trace in presence, and the registry closes its document connections and
	 * deletes it from storage; then its presence goes too.
	 */
	async function erase(roomId: string): Promise<void> {
		io.to(roomChannel(roomId)).emit('room:erased');
		if (deps.sharedWithOtherInstances) io.serverSideEmit('room:erase', roomId);
		await endRoomHere(roomId);
		await deps.presence.deleteRoom(roomId);
	}

	/** Lets the room's people on this instance go and drops (and deletes) the room. */
	async function endRoomHere(roomId: string): Promise<void> {
		erasedRooms.add(roomId);
		setTimeout(() => erasedRooms.delete(roomId), deps.leaveGraceMs + deps.heartbeatMs).unref();
		const erasing = deps.rooms.erase(roomId);
		for (const [socketId, member] of members) {
			if (member.roomId !== roomId) continue;
			members.delete(socketId);
			member.lease.release();
		}
		// The sockets stay in the room's channel: with the Redis adapter, the news of the erase
		// reaches this instance's sockets only after it went through Redis.
		lastRoster.delete(roomId);
		await erasing;
	}

	io.on('room:erase', (roomId: unknown) => {
		const parsed = roomIdSchema.safeParse(roomId);
		if (!parsed.success) return;
		endRoomHere(parsed.data).catch((error: unknown) =>
			log.socket.error({ roomId: parsed.data, err: error }, 'ending an erased room failed')
		);
	});

	async function watch(socket: RoomSocket, payload: unknown): Promise<RosterReply> {
		const parsed = parsePayload(watchRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const { roomId, projectorToken } = parsed.data;
		if (projectorToken !== undefined) {
			const lease = await deps.rooms.acquire(roomId);
			const valid = lease?.room.isProjectorToken(projectorToken);
			lease?.release();
			if (!lease) return failure('room_not_found', ROOM_NOT_FOUND);
			if (!valid) return failure('not_allowed', 'This projector link is not valid for this room.');
		} else if (!(await deps.rooms.getRoom(roomId))) {
			return failure('room_not_found', ROOM_NOT_FOUND);
		}
		await socket.join(roomChannel(roomId));
		return { ok: true, roster: await deps.presence.list(roomId, deps.now()) };
	}

	async function join(socket: RoomSocket, payload: unknown): Promise<JoinReply> {
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
		const refused = admissionRefusal(
			lease.room.readControl(),
			await deps.presence.list(request.roomId, deps.now()),
			request.participantId
		);
		if (refused) {
			lease.release();
			return { ok: false, error: refused };
		}
		// Participant ids are public (the roster shows them): an id belongs to the first key used.
		const key = lease.room.checkParticipantKey(request.participantId, request.participantKey);
		if (key === 'different') {
			lease.release();
			return failure(
				'not_allowed',
				'Someone else is in this room under that identity. Reload the page to join as yourself.'
			);
		}
		if (key === 'new') {
			await lease.room.rememberParticipantKey(request.participantId, request.participantKey);
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
		if (request.hostKey !== undefined && lease.room.isHostKey(request.hostKey)) {
			lease.room.claimHost(participant.participantId);
		}
		await socket.join([
			roomChannel(request.roomId),
			personChannel(request.roomId, participant.participantId)
		]);
		await putPresence(request.roomId, participant);
		const roster = await deps.presence.list(request.roomId, deps.now());
		lastRoster.set(request.roomId, rosterKey(roster));
		socket.to(roomChannel(request.roomId)).emit('presence:roster', roster);
		return {
			ok: true,
			roster,
			projectorToken: await lease.room.projectorToken(),
			docTicket: await lease.room.docTicket(participant.participantId)
		};
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
		await putPresence(member.roomId, member.participant);
		await broadcastRoster(member.roomId);
	}

	/** Whether someone has a socket in the room on any instance. */
	const isConnected = async (roomId: string, participantId: string) =>
		(await io.in(personChannel(roomId, participantId)).fetchSockets()).length > 0;

	async function command(socket: RoomSocket, payload: unknown): Promise<Reply> {
		const member = members.get(socket.id);
		if (!member) return failure('not_joined', 'Join the room before changing it.');
		const parsed = parsePayload(controlCommandSchema, payload);
		if (!parsed.ok) return parsed;
		const command = parsed.data;
		const { room } = member.lease;
		if (
			command.type === 'host.hand-over' &&
			!(await isConnected(member.roomId, command.participantId))
		) {
			// The new key could not reach them: the role would be lost with it.
			return failure(
				'invalid_command',
				'That person is not connected right now. Hand the host role over when they are back.'
			);
		}
		const actor = {
			participantId: member.participant.participantId,
			present: await presentIn(member.roomId)
		};
		const result = room.command(command, actor, deps.now());
		if (!result.ok) return result;
		if (erasesRoom(command, result.state, actor.present)) {
			try {
				await erase(member.roomId);
			} catch (error) {
				log.socket.error(
					{ roomId: member.roomId, err: error },
					'erasing failed; trying again later'
				);
				return failure(
					'internal',
					'The room is closed, but erasing it from storage failed. The server will try again.'
				);
			}
			return { ok: true };
		}
		if (command.type === 'host.hand-over' && command.participantId !== actor.participantId) {
			// The new host's browser keeps a new key; the old host's key stops working.
			const grant = { roomId: member.roomId, hostKey: await room.replaceHostKey() };
			io.to(personChannel(member.roomId, command.participantId)).emit('host:key', grant);
		}
		if (command.type === 'host.remove') {
			const removed = personChannel(member.roomId, command.participantId);
			io.to(removed).emit('room:removed');
			io.in(removed).disconnectSockets(true);
			// The room closes their document connections on every instance when it sees the removal.
			const record = (await deps.presence.list(member.roomId, deps.now())).find(
				(person) => person.participantId === command.participantId
			);
			// Gone at once: the room does not wait for someone removed.
			if (record) {
				await putPresence(member.roomId, { ...record, status: 'gone', seenAt: deps.now() });
				await broadcastRoster(member.roomId, true);
			}
		}
		return { ok: true };
	}

	async function rate(socket: RoomSocket, payload: unknown): Promise<Reply> {
		const member = members.get(socket.id);
		if (!member) return failure('not_joined', 'Join the room before rating.');
		const parsed = parsePayload(ratingRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const { step, value } = parsed.data;
		if (!member.lease.room.readControl().agreed.includes(member.participant.participantId)) {
			return failure('not_allowed', 'Confirm the room’s agreements before taking part.');
		}
		try {
			const result = await member.lease.room.rate(
				member.participant.participantId,
				step,
				value,
				() => presentIn(member.roomId)
			);
			return result.ok ? result : failure('invalid_command', result.message);
		} catch (error) {
			log.socket.error({ roomId: member.roomId, err: error }, 'storing a rating failed');
			return failure('internal', 'Your rating could not be saved. Please try again.');
		}
	}

	/**
	 * Tells the sender of an event over the rate that it was not handled: through its
	 * acknowledgement when it has one of the usual shape, else with `protocol:error`.
	 */
	function refuseEvent(socket: RoomSocket, [name, ...args]: Event): void {
		const ack: unknown = args.at(-1);
		const refusal = failure('rate_limited', LIMIT_WORDS.slowDown);
		// A clock ping's answer has no error form.
		if (typeof ack === 'function' && name !== 'clock:ping') ack(refusal);
		else socket.emit('protocol:error', refusal.error);
	}

	io.on('connection', (socket: RoomSocket) => {
		let eventRate = newSocketRate(deps.now());
		// Every event counts against the socket's rate (protocol L2); one over it is not handled.
		socket.use((event, next) => {
			const admitted = admitSocketEvent(eventRate, deps.now());
			eventRate = admitted.rate;
			switch (admitted.verdict) {
				case 'handle':
					next();
					return;
				case 'refuse':
					refuseEvent(socket, event);
					return;
				case 'disconnect':
					log.socket.warn(
						{ roomId: members.get(socket.id)?.roomId },
						'disconnecting a socket that sent too many events'
					);
					socket.emit('protocol:error', {
						code: 'rate_limited',
						message: LIMIT_WORDS.disconnected
					});
					socket.disconnect(true);
					return;
				default:
					assertNever(admitted.verdict);
			}
		});
		let queue: Promise<unknown> = Promise.resolve();
		/** Runs handlers one at a time; nothing a client sends can throw out of one. */
		const inOrder = (work: () => Promise<unknown>) => {
			queue = queue.then(work).catch((error: unknown) => {
				log.socket.error({ err: error }, 'handler failed');
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
			inOrder(async () => answer(ack, await command(socket, payload)))
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
			void putPresence(member.roomId, member.participant).catch((error: unknown) =>
				log.socket.warn({ err: error }, 'heartbeat failed')
			);
		}
		for (const roomId of rooms) {
			void broadcastRoster(roomId).catch((error: unknown) =>
				log.socket.warn({ err: error }, 'roster refresh failed')
			);
			// Someone whose server vanished no longer holds up the room.
			void settle(roomId).catch((error: unknown) =>
				log.socket.warn({ err: error }, 'settling failed')
			);
		}
	}, deps.heartbeatMs);
	heartbeat.unref();

	return {
		close() {
			clearInterval(heartbeat);
			for (const timer of graceTimers) clearTimeout(timer);
			graceTimers.clear();
			for (const member of members.values()) member.lease.release();
			members.clear();
		}
	};
}
