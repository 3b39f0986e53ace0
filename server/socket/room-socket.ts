import type { Event } from 'socket.io';
import type { Metrics } from '../metrics';
import { assertNever } from '../../src/lib/assert-never';
import { controlCommandSchema } from '../../src/lib/protocol/control';
import { ROOM_NOT_FOUND } from '../../src/lib/protocol/http';
import type { Participant } from '../../src/lib/protocol/presence';
import {
	joinRequestSchema,
	ratingRequestSchema,
	visibilityRequestSchema,
	watchRequestSchema,
	type Reply,
	type JoinReply,
	type RosterReply
} from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import type { ControlResult } from '../../src/lib/room/control';
import { admissionRefusal, erasesRoom } from '../../src/lib/room/room-rules';
import { LIMIT_WORDS } from '../limits/limits';
import { admitSocketEvent, newSocketRate } from '../limits/message-rate';
import { log } from '../log';
import type { PresenceStore } from '../presence/presence-store';
import type { LoadedRoom } from '../rooms/loaded-room';
import type { RoomRegistry } from '../rooms/room-registry';
import { answerQueue } from './answer-queue';
import { RoomPresence } from './room-presence';
import {
	failure,
	memberChannel,
	parsePayload,
	personChannel,
	projectorChannel,
	roomChannel,
	type RoomServer,
	type RoomSocket
} from './socket-types';

export type { RoomServer } from './socket-types';

const STORAGE_UNAVAILABLE = 'The server cannot reach its storage; retrying…';

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
	/** The backend known to be down, if any (`Services.unavailable`). */
	unavailable(): string | undefined;
	/** How long an answered event may wait for storage before it is answered `unavailable`. */
	answerWithinMs: number;
}

/**
 * Room control over socket.io: watch, join with presence, visibility, control commands, sealed
 * ratings, erasing and clock pings. Every payload is parsed first; a bad one is answered with an
 * error and changes nothing (docs/protocol.md, rules S1–S8). Each socket's events are handled one
 * at a time, in order, so a join and a disconnect cannot interleave.
 */
export function attachRoomSocket(io: RoomServer, deps: RoomSocketDeps): { close(): void } {
	const presence: RoomPresence = new RoomPresence({
		io,
		presence: deps.presence,
		now: deps.now,
		heartbeatMs: deps.heartbeatMs,
		leaveGraceMs: deps.leaveGraceMs,
		settle
	});
	deps.metrics.measure('connectedPeople', () => presence.connectedPeople);

	/**
	 * Applies who is present to a room this instance serves (reveals, host fallback, ready), and
	 * erases it when everyone left has agreed to.
	 */
	async function settle(roomId: string): Promise<void> {
		const room = presence.loadedRoom(roomId);
		if (!room) return;
		const wasLocked = room.readControl().roomLocked;
		if (await room.settle(await presence.presentIn(roomId), deps.now())) {
			await erase(roomId);
			return;
		}
		// The host's role lapsed, and the lock with it.
		if (wasLocked && !room.readControl().roomLocked) announceLock(roomId, false);
	}

	/** Tells everyone watching or in the room that its door opened or closed (protocol S22). */
	function announceLock(roomId: string, locked: boolean): void {
		io.to(roomChannel(roomId)).emit('room:lock', { roomId, locked });
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
		const erasing = deps.rooms.erase(roomId);
		presence.letGo(roomId);
		await erasing;
	}

	io.on('room:erase', (roomId: unknown) => {
		const parsed = roomIdSchema.safeParse(roomId);
		if (!parsed.success) return;
		endRoomHere(parsed.data).catch((error: unknown) => {
			log.socket.error({ roomId: parsed.data, err: error }, 'ending an erased room failed');
			deps.metrics.error('socket');
		});
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
			if (!valid)
				return failure('not_allowed', 'This projector link is not valid for this room.', {
					reason: 'projector_link'
				});
			// Let go when the token is replaced (protocol S20).
			await socket.join(projectorChannel(roomId));
		} else if (!(await deps.rooms.getRoom(roomId))) {
			return failure('room_not_found', ROOM_NOT_FOUND);
		}
		await socket.join(roomChannel(roomId));
		return { ok: true, roster: await presence.roster(roomId) };
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
			return failure('unknown_role', `This playbook has no role "${request.roleId}".`, {
				role: request.roleId
			});
		}
		const refused = admissionRefusal(
			lease.room.readControl(),
			await presence.roster(request.roomId),
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
				'Someone else is in this room under that identity. Reload the page to join as yourself.',
				{ reason: 'identity_taken' }
			);
		}
		if (key === 'new') {
			await lease.room.rememberParticipantKey(request.participantId, request.participantKey);
		}
		await presence.leave(socket);
		if (socket.disconnected) {
			// Gone while the room loaded: nobody to show as present.
			lease.release();
			return failure('not_joined', 'The connection closed while joining.', {
				reason: 'closed_while_joining'
			});
		}
		const participant: Participant = {
			participantId: request.participantId,
			name: request.name,
			roleId: request.roleId,
			status: 'connected',
			seenAt: deps.now()
		};
		await lease.room.recordPerson(
			participant.participantId,
			{ name: request.name, roleId: request.roleId },
			deps.now()
		);
		if (request.hostKey !== undefined && lease.room.isHostKey(request.hostKey)) {
			await lease.room.claimHost(participant.participantId);
		}
		const roster = await presence.admit(socket, { roomId: request.roomId, participant, lease });
		return {
			ok: true,
			roster,
			projectorToken: await lease.room.projectorToken(),
			docTicket: await lease.room.docTicket(participant.participantId)
		};
	}

	async function setVisibility(socket: RoomSocket, payload: unknown): Promise<void> {
		const parsed = visibilityRequestSchema.safeParse(payload);
		if (parsed.success) await presence.setVisible(socket, parsed.data.visible);
	}

	/** Whether someone has a socket in the room on any instance. */
	const isConnected = async (roomId: string, participantId: string) =>
		(await io.in(personChannel(roomId, participantId)).fetchSockets()).length > 0;

	async function command(socket: RoomSocket, payload: unknown): Promise<Reply> {
		const member = presence.memberOf(socket);
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
				'That person is not connected right now. Hand the host role over when they are back.',
				{ reason: 'host_not_connected' }
			);
		}
		const actor = {
			participantId: member.participant.participantId,
			present: await presence.presentIn(member.roomId)
		};
		let result: ControlResult;
		try {
			result = await room.command(command, actor, deps.now());
		} catch (error) {
			// Nothing was decided (a removal whose new projector token could not be stored, a
			// room lock not taken in time): the sender hears it and can try again.
			log.socket.error({ roomId: member.roomId, err: error }, 'a command could not be decided');
			return failure('internal', 'That could not be done just now. Try again in a moment.');
		}
		if (!result.ok) return result;
		if (erasesRoom(command, result.state, actor.present)) {
			try {
				await erase(member.roomId);
			} catch (error) {
				log.socket.error(
					{ roomId: member.roomId, err: error },
					'erasing failed; trying again later'
				);
				deps.metrics.error('socket');
				return failure(
					'internal',
					'The room is closed, but erasing it from storage failed. The server will try again.',
					{ reason: 'erase_failed' }
				);
			}
			return { ok: true };
		}
		if (command.type === 'host.hand-over' && command.participantId !== actor.participantId) {
			// The new host's browser keeps a new key; the old host's key stops working.
			const grant = { roomId: member.roomId, hostKey: await room.replaceHostKey() };
			io.to(personChannel(member.roomId, command.participantId)).emit('host:key', grant);
		}
		if (command.type === 'host.lock-room') announceLock(member.roomId, command.locked);
		if (command.type === 'host.remove') {
			const removed = personChannel(member.roomId, command.participantId);
			io.to(removed).emit('room:removed');
			io.in(removed).disconnectSockets(true);
			// The room closes their document connections, and the projectors with the token it
			// replaced, on every instance when it sees the removal.
			await presence.markGone(member.roomId, command.participantId);
			await announceProjectorLink(member.roomId, command.participantId, room);
		}
		return { ok: true };
	}

	/**
	 * Someone was removed, and with them the projector token the room had (protocol S20):
	 * projectors watching with the old one are let go, and the people still joined receive the
	 * new one.
	 */
	async function announceProjectorLink(
		roomId: string,
		removedId: string,
		room: LoadedRoom
	): Promise<void> {
		const projectorToken = await room.projectorToken();
		io.in(projectorChannel(roomId)).disconnectSockets(true);
		// Their sockets may still be on their way out through another instance.
		io.to(memberChannel(roomId))
			.except(personChannel(roomId, removedId))
			.emit('room:projector', { roomId, projectorToken });
	}

	async function rate(socket: RoomSocket, payload: unknown): Promise<Reply> {
		const member = presence.memberOf(socket);
		if (!member) return failure('not_joined', 'Join the room before rating.');
		const parsed = parsePayload(ratingRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const { step, value } = parsed.data;
		if (!member.lease.room.readControl().agreed.includes(member.participant.participantId)) {
			return failure('not_allowed', 'Confirm the room’s agreements before taking part.', {
				reason: 'agreements'
			});
		}
		try {
			const result = await member.lease.room.rate(
				member.participant.participantId,
				step,
				value,
				() => presence.presentIn(member.roomId)
			);
			return result.ok
				? result
				: failure('invalid_command', result.message, { reason: result.reason });
		} catch (error) {
			log.socket.error({ roomId: member.roomId, err: error }, 'storing a rating failed');
			deps.metrics.error('socket');
			return failure('internal', 'Your rating could not be saved. Please try again.', {
				reason: 'rating_not_saved'
			});
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
					deps.metrics.refusedWrite('message_rate');
					refuseEvent(socket, event);
					return;
				case 'disconnect':
					deps.metrics.refusedWrite('message_rate');
					log.socket.warn(
						{ roomId: presence.memberOf(socket)?.roomId },
						'disconnecting a socket that sent too many events'
					);
					socket.emit('protocol:error', {
						code: 'rate_limited',
						message: LIMIT_WORDS.disconnected,
						params: { reason: 'disconnected' }
					});
					socket.disconnect(true);
					return;
				default:
					assertNever(admitted.verdict);
			}
		});
		/** Answers through the acknowledgement, if the client sent one. */
		const answer = (ack: unknown, reply: Reply) => {
			if (typeof ack === 'function') ack(reply);
		};
		const events = answerQueue({
			unavailable: deps.unavailable,
			deadlineMs: deps.answerWithinMs,
			refuse(event, ack, dependency) {
				// Retryable: the browser keeps who it is and tries again (protocol S24).
				log.socket.warn(
					{ event, dependency, roomId: presence.memberOf(socket)?.roomId },
					'event answered unavailable: storage did not answer'
				);
				deps.metrics.error('unavailable');
				answer(ack, failure('unavailable', STORAGE_UNAVAILABLE));
			},
			failed(error) {
				log.socket.error({ err: error }, 'handler failed');
				deps.metrics.error('socket');
				socket.emit('protocol:error', {
					code: 'internal',
					message: 'Something went wrong on the server.'
				});
			}
		});

		socket.on('clock:ping', (ack: unknown) => {
			if (typeof ack === 'function') ack({ serverTime: deps.now() });
		});
		socket.on('room:watch', (payload: unknown, ack: unknown) =>
			events.answer(
				'room:watch',
				ack,
				() => watch(socket, payload),
				(reply) => answer(ack, reply)
			)
		);
		socket.on('room:join', (payload: unknown, ack: unknown) =>
			events.answer(
				'room:join',
				ack,
				() => join(socket, payload),
				(reply) => answer(ack, reply)
			)
		);
		socket.on('presence:visibility', (payload: unknown) =>
			events.run(() => setVisibility(socket, payload))
		);
		socket.on('control:command', (payload: unknown, ack: unknown) => {
			const started = performance.now();
			events.answer(
				'control:command',
				ack,
				() => command(socket, payload),
				(reply) => {
					answer(ack, reply);
					deps.metrics.commandHandled((performance.now() - started) / 1000);
				}
			);
		});
		socket.on('rating:submit', (payload: unknown, ack: unknown) =>
			events.answer(
				'rating:submit',
				ack,
				() => rate(socket, payload),
				(reply) => answer(ack, reply)
			)
		);
		socket.on('disconnect', () => events.run(() => presence.leave(socket)));
	});

	return {
		close() {
			presence.close();
		}
	};
}
