import { assertNever } from '../../src/lib/assert-never';
import type { Effect } from '../../src/lib/room/decide';
import type { ServerToClientEvents } from '../../src/lib/protocol/socket-events';
import type { PresenceStore } from '../presence/presence-store';
import type { PushStore } from '../push/push-store';
import type { LoadedRoom } from '../rooms/loaded-room';
import type { RoomRegistry } from '../rooms/room-registry';
import { log } from '../log';
import { tell, type TurnEvents } from '../turns/turn-events';
import type { RoomPresence } from './room-presence';
import { memberChannel, personChannel, projectorChannel, roomChannel } from './socket-types';

/** Sends one of the server's events to the sockets of a channel, on every instance. */
interface ChannelEmitter {
	emit<E extends keyof ServerToClientEvents>(
		event: E,
		...args: Parameters<ServerToClientEvents[E]>
	): boolean;
}

/** What carrying out effects needs of socket.io's server (`RoomServer`). */
export interface EffectsIo {
	to(channel: string): ChannelEmitter & { except(channel: string): ChannelEmitter };
	in(channel: string): { disconnectSockets(close: boolean): void };
	/** Tells the other instances (InterServerEvents). */
	serverSideEmit(event: 'room:erase', roomId: string): boolean;
}

/** What carrying out effects needs of a loaded room (`LoadedRoom`). */
export interface EffectsRoom {
	meta: Pick<LoadedRoom['meta'], 'id'>;
	secrets: Pick<LoadedRoom['secrets'], 'replaceHostKey' | 'projectorToken'>;
	control: Pick<LoadedRoom['control'], 'read'>;
}

export interface RoomEffectsDeps {
	io: EffectsIo;
	rooms: Pick<RoomRegistry, 'erase'>;
	presence: Pick<RoomPresence, 'letGo' | 'markGone'>;
	presenceStore: Pick<PresenceStore, 'deleteRoom'>;
	/** Whether other instances share this one's rooms through socket.io's Redis adapter. */
	sharedWithOtherInstances: boolean;
	/** Who hears of turns starting and deadlines nearing (protocol A9). */
	turnEvents: TurnEvents;
	/** The rooms' Web Push subscriptions: a removed person's go with them (W7). */
	push: Pick<PushStore, 'ofPeople' | 'remove'>;
}

/**
 * Carries out what decisions ask of the sockets once their state is written (`Effect`): host
 * keys, the door's news, removals and erasing.
 */
export class RoomEffects {
	constructor(private readonly deps: RoomEffectsDeps) {}

	/** Carries out `effects` of a decision on `room`, in order. */
	async carryOut(room: EffectsRoom, effects: readonly Effect[]): Promise<void> {
		const roomId = room.meta.id;
		for (const effect of effects) {
			switch (effect.type) {
				case 'seal-rating':
					// Stored with the decision (RoomControl).
					break;
				case 'grant-host-key': {
					// The new host's browser keeps a new key; the old host's key stops working.
					const grant = { roomId, hostKey: await room.secrets.replaceHostKey() };
					this.deps.io.to(personChannel(roomId, effect.participantId)).emit('host:key', grant);
					break;
				}
				case 'announce-lock':
					this.#announceLock(roomId, effect.locked);
					break;
				case 'remove':
					await this.#remove(room, effect.participantId);
					break;
				case 'erase':
					await this.erase(roomId);
					break;
				case 'turn-event':
					// The decision stands whatever the notification does.
					await tell(this.deps.turnEvents, roomId, effect.event).catch((error: unknown) =>
						log.rooms.warn({ roomId, err: error }, 'a turn notification failed')
					);
					break;
				default:
					assertNever(effect);
			}
		}
	}

	/** Tells everyone watching or in the room that its door opened or closed (protocol S22). */
	#announceLock(roomId: string, locked: boolean): void {
		this.deps.io.to(roomChannel(roomId)).emit('room:lock', { roomId, locked });
	}

	/**
	 * Lets a removed person go (protocol S20). The room closes their document connections, and
	 * the projectors with the token it replaced, on every instance when it sees the removal;
	 * projectors watching with the old token are let go, and the people still joined receive the
	 * new one.
	 */
	async #remove(room: EffectsRoom, removedId: string): Promise<void> {
		const { io } = this.deps;
		const roomId = room.meta.id;
		const removed = personChannel(roomId, removedId);
		io.to(removed).emit('room:removed');
		io.in(removed).disconnectSockets(true);
		// Their name and role as the room recorded them (a removal keeps them in `people`). Someone
		// joined past the room's record of people (MAX_PEOPLE) is gone as their tabs close instead.
		const person = room.control.read().people[removedId];
		if (person) await this.deps.presence.markGone(roomId, removedId, person);
		const projectorToken = await room.secrets.projectorToken();
		io.in(projectorChannel(roomId)).disconnectSockets(true);
		// Their sockets may still be on their way out through another instance.
		io.to(memberChannel(roomId)).except(removed).emit('room:projector', { roomId, projectorToken });
		await this.#dropNotifications(roomId, removedId);
	}

	/**
	 * Deletes a removed person's push subscriptions: the room tells them nothing any more (they
	 * have no turns), and their browser's address is theirs, not the room's to keep. The removal
	 * stands if storage fails here; the subscriptions then go with the room.
	 */
	async #dropNotifications(roomId: string, removedId: string): Promise<void> {
		const { push } = this.deps;
		try {
			for (const { endpoint } of await push.ofPeople(roomId, [removedId])) {
				await push.remove(roomId, removedId, endpoint);
			}
		} catch (error) {
			log.push.warn({ roomId, err: error }, "a removed person's notifications were kept");
		}
	}

	/**
	 * Ends and erases a room (protocol S18): every socket of the room hears it, its members are
	 * let go without a trace in presence, and the registry closes its document connections and
	 * deletes it from storage; then its presence goes too.
	 */
	async erase(roomId: string): Promise<void> {
		this.deps.io.to(roomChannel(roomId)).emit('room:erased');
		if (this.deps.sharedWithOtherInstances) this.deps.io.serverSideEmit('room:erase', roomId);
		await this.endRoomHere(roomId);
		await this.deps.presenceStore.deleteRoom(roomId);
	}

	/** Lets the room's people on this instance go and drops (and deletes) the room. */
	async endRoomHere(roomId: string): Promise<void> {
		const erasing = this.deps.rooms.erase(roomId);
		this.deps.presence.letGo(roomId);
		await erasing;
	}
}
