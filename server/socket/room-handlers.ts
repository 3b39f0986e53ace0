import { controlCommandSchema } from '../../src/lib/protocol/control';
import { ROOM_NOT_FOUND } from '../../src/lib/protocol/http';
import type { Participant, VersionedRoster } from '../../src/lib/protocol/presence';
import {
	joinRequestSchema,
	ratingRequestSchema,
	visibilityRequestSchema,
	watchRequestSchema,
	type JoinReply,
	type Reply,
	type RosterReply
} from '../../src/lib/protocol/socket-events';
import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import type { Decision, RoomCommand } from '../../src/lib/room/decide';
import { admissionRefusal } from '../../src/lib/room/admission';
import type { Actor } from '../../src/lib/room/command-rights';
import { log } from '../log';
import type { LoadedRoom } from '../rooms/loaded-room';
import { RoomBusy } from '../rooms/room-lock';
import type { RoomRegistry } from '../rooms/room-registry';
import type { RoomEffects } from './room-effects';
import type { Membership } from './room-presence';
import { failure, parsePayload, projectorChannel, roomChannel } from './socket-types';

/** The answer to a decision refused as busy (protocol S25). */
export const ROOM_BUSY = 'The room is busy, try again.';

/** What the handlers need of a socket: a socket.io one, or an in-memory one in tests. */
export interface HandlerSocket {
	readonly id: string;
	readonly disconnected: boolean;
	join(channel: string): Promise<void> | void;
}

/** What the handlers need of the room's presence (`RoomPresence`), for sockets `S`. */
export interface HandlerPresence<S> {
	memberOf(socket: S): Membership | undefined;
	roster(roomId: string): Promise<VersionedRoster>;
	presentIn(roomId: string): Promise<string[]>;
	/** A socket here watches the room: keep it told of the roster. */
	follow(roomId: string): void;
	/** A watch of the room here was answered `read`. */
	answered(roomId: string, read: VersionedRoster): void;
	leave(socket: S): Promise<void>;
	admit(socket: S, membership: Membership): Promise<VersionedRoster>;
	setVisible(socket: S, visible: boolean): Promise<void>;
	loadedRoom(roomId: string): LoadedRoom | undefined;
}

export interface RoomHandlersDeps<S extends HandlerSocket> {
	rooms: Pick<RoomRegistry, 'holding' | 'getRoom'>;
	presence: HandlerPresence<S>;
	effects: Pick<RoomEffects, 'carryOut'>;
	/** Server wall-clock time in ms. */
	now(): number;
	/** Whether someone has a socket in the room on any instance. */
	isConnected(roomId: string, participantId: string): Promise<boolean>;
	/** Counts a handler's failure for /metrics. */
	failed(): void;
}

/**
 * The room's socket.io events, each: parse, find the actor, decide (under the room's single
 * writer), carry out the effects. A bad payload is answered with an error and changes nothing
 * (docs/protocol.md, rules S1–S8); a decision refused as busy changes nothing either (S25).
 */
export class RoomHandlers<S extends HandlerSocket> {
	constructor(private readonly deps: RoomHandlersDeps<S>) {}

	async watch(socket: S, payload: unknown): Promise<RosterReply> {
		const parsed = parsePayload(watchRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const { roomId, projectorToken } = parsed.data;
		const notFound = failure('room_not_found', ROOM_NOT_FOUND);
		if (projectorToken !== undefined) {
			const check = await this.deps.rooms.holding(roomId, undefined, async ({ room }) =>
				room.secrets.checkProjectorToken(projectorToken)
			);
			if (check === undefined) return notFound;
			if (check === 'replaced')
				return failure(
					'not_allowed',
					'This projector link was replaced when someone was removed.',
					{
						reason: 'projector_replaced'
					}
				);
			if (check === 'wrong')
				return failure('not_allowed', 'This projector link is not valid for this room.', {
					reason: 'projector_link'
				});
			// Let go when the token is replaced (protocol S20).
			await socket.join(projectorChannel(roomId));
		} else if (!(await this.deps.rooms.getRoom(roomId))) {
			return notFound;
		}
		await socket.join(roomChannel(roomId));
		// Followed before the read: one that fails leaves the socket in the channel all the same.
		this.deps.presence.follow(roomId);
		const read = await this.deps.presence.roster(roomId);
		this.deps.presence.answered(roomId, read);
		return { ok: true, roster: read.roster, rosterVersion: read.version };
	}

	async join(socket: S, payload: unknown): Promise<JoinReply> {
		const parsed = parsePayload(joinRequestSchema, payload);
		if (!parsed.ok) return parsed;
		const request = parsed.data;
		if (request.protocolVersion !== PROTOCOL_VERSION) {
			return failure(
				'protocol_mismatch',
				'This page is out of date with the server. Reload the page to continue.'
			);
		}
		const { presence } = this.deps;
		const { roomId, participantId } = request;
		const notFound = failure('room_not_found', ROOM_NOT_FOUND);
		return this.deps.rooms.holding(roomId, notFound, async (lease, keep) => {
			const { room } = lease;
			if (!room.playbook.roles.some((role) => role.id === request.roleId)) {
				return failure('unknown_role', `This playbook has no role "${request.roleId}".`, {
					role: request.roleId
				});
			}
			const refused = admissionRefusal(
				room.control.read(),
				(await presence.roster(roomId)).roster,
				participantId
			);
			if (refused) return { ok: false, error: refused };
			// Participant ids are public (the roster shows them): an id belongs to the first key used.
			const key = room.secrets.checkParticipantKey(participantId, request.participantKey);
			if (key === 'different') {
				return failure(
					'not_allowed',
					'Someone else is in this room under that identity. Reload the page to join as yourself.',
					{ reason: 'identity_taken' }
				);
			}
			if (key === 'new')
				await room.secrets.rememberParticipantKey(participantId, request.participantKey);
			await presence.leave(socket);
			// Gone while the room loaded: nobody to show as present.
			if (socket.disconnected) {
				return failure('not_joined', 'The connection closed while joining.', {
					reason: 'closed_while_joining'
				});
			}
			const person = { name: request.name, roleId: request.roleId };
			const holdsHostKey = request.hostKey !== undefined && room.secrets.isHostKey(request.hostKey);
			const joined = await this.#decide(
				room,
				{ type: 'person.join', person, holdsHostKey },
				{
					participantId,
					present: []
				}
			);
			if (!joined.ok) return joined;
			const participant: Participant = {
				participantId,
				...person,
				status: 'connected',
				seenAt: this.deps.now()
			};
			const { roster, version } = await presence.admit(socket, {
				roomId,
				participant,
				lease: keep()
			});
			return {
				ok: true,
				roster,
				rosterVersion: version,
				projectorToken: await room.secrets.projectorToken(),
				docTicket: await room.secrets.docTicket(participantId)
			};
		});
	}

	async setVisibility(socket: S, payload: unknown): Promise<void> {
		const parsed = visibilityRequestSchema.safeParse(payload);
		if (parsed.success) await this.deps.presence.setVisible(socket, parsed.data.visible);
	}

	async command(socket: S, payload: unknown): Promise<Reply> {
		const member = this.deps.presence.memberOf(socket);
		if (!member) return failure('not_joined', 'Join the room before changing it.');
		const parsed = parsePayload(controlCommandSchema, payload);
		if (!parsed.ok) return parsed;
		const command = parsed.data;
		if (
			command.type === 'host.hand-over' &&
			!(await this.deps.isConnected(member.roomId, command.participantId))
		) {
			// The new key could not reach them: the role would be lost with it.
			return failure(
				'invalid_command',
				'That person is not connected right now. Hand the host role over when they are back.',
				{ reason: 'host_not_connected' }
			);
		}
		return this.#decideAsMember(member, command);
	}

	async rate(socket: S, payload: unknown): Promise<Reply> {
		const member = this.deps.presence.memberOf(socket);
		if (!member) return failure('not_joined', 'Join the room before rating.');
		const parsed = parsePayload(ratingRequestSchema, payload);
		if (!parsed.ok) return parsed;
		return this.#decideAsMember(member, { type: 'rating.submit', ...parsed.data });
	}

	/**
	 * Applies who is present to a room this instance serves (reveals, host fallback, ready), and
	 * carries out what follows (the door opening, erasing).
	 */
	async settle(roomId: string): Promise<void> {
		const room = this.deps.presence.loadedRoom(roomId);
		if (!room) return;
		const effects = await room.control.settle(await this.deps.presence.presentIn(roomId), () =>
			this.deps.now()
		);
		await this.deps.effects.carryOut(room, effects);
	}

	/**
	 * The deadline clock woke for a room (protocol A10): its schedule moves on or sends its
	 * reminder through the same decision path as everyone's commands, under the room's hold, and
	 * what follows is carried out. The room is loaded for it if no one is in it, and unloads
	 * after the grace period as usual. Answers false when there is no such room.
	 */
	async tick(roomId: string): Promise<boolean> {
		return this.deps.rooms.holding(roomId, false, async ({ room }) => {
			const actor: Actor = {
				participantId: '',
				present: await this.deps.presence.presentIn(roomId)
			};
			const decision = await room.control.decide({ type: 'async.tick' }, actor, () =>
				this.deps.now()
			);
			if (decision.ok) await this.deps.effects.carryOut(room, decision.effects);
			return true;
		});
	}

	async #decideAsMember(member: Membership, command: RoomCommand): Promise<Reply> {
		const { room } = member.lease;
		const actor = {
			participantId: member.participant.participantId,
			present: await this.deps.presence.presentIn(member.roomId)
		};
		const decision = await this.#decide(room, command, actor);
		if (!decision.ok) return decision;
		try {
			await this.deps.effects.carryOut(room, decision.effects);
		} catch (error) {
			log.socket.error({ roomId: member.roomId, err: error }, 'carrying out a decision failed');
			this.deps.failed();
			const erasing = decision.effects.some((effect) => effect.type === 'erase');
			return erasing
				? failure(
						'internal',
						'The room is closed, but erasing it from storage failed. The server will try again.',
						{ reason: 'erase_failed' }
					)
				: failure('internal', 'That was decided, but not all of it was done. Try again.');
		}
		return { ok: true };
	}

	/**
	 * Decides `command` under the room's single writer. Refused as busy, or failing to store what
	 * it needs, nothing was decided: the sender hears it and can try again.
	 */
	async #decide(room: LoadedRoom, command: RoomCommand, actor: Actor): Promise<Decision> {
		try {
			return await room.control.decide(command, actor, () => this.deps.now());
		} catch (error) {
			if (error instanceof RoomBusy) {
				log.socket.warn({ roomId: room.meta.id, err: error }, 'a decision was refused as busy');
				return failure('busy', ROOM_BUSY);
			}
			log.socket.error({ roomId: room.meta.id, err: error }, 'a decision could not be taken');
			this.deps.failed();
			return command.type === 'rating.submit'
				? failure('internal', 'Your rating could not be saved. Please try again.', {
						reason: 'rating_not_saved'
					})
				: failure('internal', 'That could not be done just now. Try again in a moment.');
		}
	}
}
