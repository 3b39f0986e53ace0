import type { Person } from '../../src/lib/protocol/control';
import type { Participant, PresenceRecord, VersionedRoster } from '../../src/lib/protocol/presence';
import { personRecord, tabRecord } from '../../src/lib/room/presence';
import { log } from '../log';
import { LeaveGraces } from '../presence/leave-graces';
import type { PresenceStore } from '../presence/presence-store';
import { RosterBroadcasts } from '../presence/roster-broadcasts';
import { TabIndex } from '../presence/tab-index';
import type { LoadedRoom } from '../rooms/loaded-room';
import type { RoomLease } from '../rooms/room-registry';
import {
	memberChannel,
	personChannel,
	roomChannel,
	type RoomServer,
	type RoomSocket
} from './socket-types';

/** Someone joined to a room through one socket of this instance. */
export interface Membership {
	roomId: string;
	/**
	 * As this socket has them: their name and role as they joined, the tab's visibility, and
	 * (`seenAt`) when it joined.
	 */
	participant: Participant;
	lease: RoomLease;
}

export interface RoomPresenceDeps {
	io: RoomServer;
	presence: PresenceStore;
	/** Server wall-clock time in ms. */
	now(): number;
	/** How often this instance refreshes its participants' presence records. */
	heartbeatMs: number;
	/** How long someone who left is away before they are gone. */
	leaveGraceMs: number;
	/** Applies who is present to a room (reveals, host fallback, ready; maybe its erasing). */
	settle(roomId: string): Promise<void>;
}

/**
 * Who is in which room through this instance's sockets, and this instance's presence records of
 * them: joins, visibility, leaving (dropped for the leave grace, then gone) and heartbeats, and
 * when to send the roster (`RosterBroadcasts`). Each record is decided from this instance's tabs of the person as they are
 * when it is written, and written at once: the store keeps this instance's writes in order, so
 * the last one says what is so now, whatever joined or left while a write waited. Another
 * instance writes its own records, which the roster combines with these (`rosterView`).
 */
export class RoomPresence {
	/** This instance's joined sockets, by socket id and by room and person. */
	readonly #tabs = new TabIndex<Membership>();
	readonly #broadcasts: RosterBroadcasts;
	/**
	 * Rooms erased lately: a presence write already under way for one (a leave, the end of a
	 * leave grace) must not bring a name back after the erase. Kept as long as such a write can
	 * come.
	 */
	readonly #erasedRooms = new Set<string>();
	/**
	 * The leave grace of each person whose last tab here closed: ended when a tab of theirs joins
	 * here again, by a later leave or a removal, or when the room is erased or the server closes.
	 */
	readonly #graces: LeaveGraces;
	readonly #heartbeat: ReturnType<typeof setInterval>;

	constructor(private readonly deps: RoomPresenceDeps) {
		this.#graces = new LeaveGraces(deps.leaveGraceMs);
		this.#broadcasts = new RosterBroadcasts({
			io: deps.io,
			roster: (roomId) => this.roster(roomId),
			erased: (roomId) => this.#erasedRooms.has(roomId),
			joinedHere: (roomId) => this.#tabs.anyIn(roomId) !== undefined
		});
		// Heartbeats keep this instance's participants fresh; a crashed instance's go stale.
		this.#heartbeat = setInterval(() => this.#beat(), deps.heartbeatMs);
		this.#heartbeat.unref();
	}

	memberOf(socket: RoomSocket): Membership | undefined {
		return this.#tabs.get(socket.id);
	}

	/** People, not sockets: one person may have a room open in two tabs. */
	get connectedPeople(): number {
		return this.#tabs.peopleCount;
	}

	/** The room as this instance holds it, while someone here is in it. */
	loadedRoom(roomId: string): LoadedRoom | undefined {
		return this.#tabs.anyIn(roomId)?.lease.room;
	}

	/** The room's roster now, and its version (protocol S27). */
	roster(roomId: string): Promise<VersionedRoster> {
		return this.deps.presence.list(roomId, this.deps.now());
	}

	/**
	 * Participant ids of everyone in the room who has not gone. Someone who leaves is away for
	 * the leave grace first, so the room waits for them that long (a reveal, the host role).
	 */
	async presentIn(roomId: string): Promise<string[]> {
		return (await this.roster(roomId)).roster
			.filter((p) => p.status !== 'gone')
			.map((p) => p.participantId);
	}

	/** A socket here watches `roomId` (it joined the room's channel): its heartbeats follow it. */
	follow(roomId: string): void {
		this.#broadcasts.follow(roomId);
	}

	/** A watch of `roomId` here was answered `read`: what its watchers here heard. */
	answered(roomId: string, read: VersionedRoster): void {
		this.#broadcasts.answered(roomId, read);
	}

	/** Makes `socket` `membership.participant` in its room, present to everyone; answers the roster. */
	async admit(socket: RoomSocket, membership: Membership): Promise<VersionedRoster> {
		const { roomId, participant } = membership;
		this.#tabs.add(socket.id, membership);
		// Back before the grace ended: their tabs here say how they are.
		this.#graces.end(roomId, participant.participantId);
		await socket.join([
			roomChannel(roomId),
			memberChannel(roomId),
			personChannel(roomId, participant.participantId)
		]);
		await this.#putPerson(roomId, participant.participantId);
		const read = await this.roster(roomId);
		this.#broadcasts.sendFrom(socket, roomId, read);
		return read;
	}

	async setVisible(socket: RoomSocket, visible: boolean): Promise<void> {
		const member = this.#tabs.get(socket.id);
		if (!member) return;
		member.participant = { ...member.participant, status: visible ? 'connected' : 'away' };
		await this.#putPerson(member.roomId, member.participant.participantId);
		await this.#broadcasts.send(member.roomId);
	}

	/**
	 * Shows someone as gone at once (the host removed them): the room does not wait for them.
	 * `person` is their name and role as the room's control state has them.
	 */
	async markGone(roomId: string, participantId: string, person: Person): Promise<void> {
		// Their grace would keep them dropped at each heartbeat, and settle the room once more.
		this.#graces.end(roomId, participantId);
		// The room's record of them is its latest word on their name: as of now.
		const now = this.deps.now();
		await this.#put(roomId, {
			participantId,
			...person,
			status: 'gone',
			seenAt: now,
			joinedAt: now
		});
		await this.#broadcasts.send(roomId, { force: true });
	}

	/**
	 * The socket leaves its room, if it is in one: dropped first (the room waits for them to
	 * come back), gone after the leave grace; gone at once if the host removed them.
	 */
	async leave(socket: RoomSocket): Promise<void> {
		const member = this.#tabs.remove(socket.id);
		if (!member) return;
		const { roomId, participant } = member;
		const { participantId } = participant;
		try {
			await socket.leave(roomChannel(roomId));
			await socket.leave(memberChannel(roomId));
			await socket.leave(personChannel(roomId, participantId));
			// Erased meanwhile: nobody to mark, nor a grace to start (S18).
			if (this.#erasedRooms.has(roomId)) return;
			// Decided from their tabs as they are now, not before the awaits: a tab of theirs may
			// have joined meanwhile (a reconnect), or closed.
			if (member.lease.room.control.read().removed.includes(participantId)) {
				// The host removed them: gone at once, whichever of this and the removal lands last.
				await this.#put(roomId, tabRecord(participant, 'gone', this.deps.now()));
			} else if (this.#tabs.tabsOf(roomId, participantId).length > 0) {
				// Another tab of theirs is still open here: they are as it is (S2).
				await this.#putPerson(roomId, participantId);
			} else {
				await this.#drop(roomId, participant);
			}
			await this.#broadcasts.send(roomId, { force: true });
		} finally {
			member.lease.release();
		}
	}

	/**
	 * The room was erased: its people here are let go without a trace in presence. Their sockets
	 * stay in the room's channel: with the Redis adapter, the news of the erase reaches this
	 * instance's sockets only after it went through Redis.
	 */
	letGo(roomId: string): void {
		this.#erasedRooms.add(roomId);
		setTimeout(
			() => this.#erasedRooms.delete(roomId),
			this.deps.leaveGraceMs + this.deps.heartbeatMs
		).unref();
		for (const member of this.#tabs.removeRoom(roomId)) member.lease.release();
		this.#broadcasts.forgetRoom(roomId);
		// Nobody is left to mark gone, nor a room to settle.
		this.#graces.endRoom(roomId);
	}

	close(): void {
		this.#broadcasts.close();
		clearInterval(this.#heartbeat);
		this.#graces.clear();
		for (const member of this.#tabs.clear()) member.lease.release();
	}

	/** Writes one person's record from all their tabs here (`#putRecord`). */
	async #putPerson(roomId: string, participantId: string): Promise<void> {
		await this.#putRecord(roomId, this.#tabs.tabsOf(roomId, participantId));
	}

	/** Writes one person's record from their tabs here (`personRecord`), if they have one. */
	async #putRecord(roomId: string, tabs: Membership[]): Promise<void> {
		const record = personRecord(
			tabs.map((member) => member.participant),
			this.deps.now()
		);
		if (record) await this.#put(roomId, record);
	}

	/**
	 * Their last tab here closed: dropped first, as a phone dropping off Wi-Fi for a moment is
	 * back before the grace ends; gone once it ends, unless a tab of theirs joins here meanwhile.
	 */
	async #drop(roomId: string, participant: Participant): Promise<void> {
		this.#graces.start(roomId, participant, () => {
			this.#goneAfterGrace(roomId, participant).catch((error: unknown) =>
				log.socket.warn({ err: error }, 'marking someone gone failed')
			);
		});
		await this.#put(roomId, tabRecord(participant, 'dropped', this.deps.now()));
	}

	async #put(roomId: string, record: PresenceRecord): Promise<void> {
		if (!this.#erasedRooms.has(roomId)) await this.deps.presence.put(roomId, record);
	}

	/**
	 * Marks someone gone here once the grace after their last tab's leaving is over (no tab of
	 * theirs joined here since), and lets the room stop waiting for them: unless an instance
	 * where they have a tab says otherwise.
	 */
	async #goneAfterGrace(roomId: string, participant: Participant): Promise<void> {
		await this.#put(roomId, tabRecord(participant, 'gone', this.deps.now()));
		await this.#broadcasts.send(roomId, { force: true });
		await this.deps.settle(roomId);
	}

	#beat(): void {
		const rooms = new Set<string>();
		for (const { roomId, tabs } of this.#tabs.people()) {
			rooms.add(roomId);
			void this.#putRecord(roomId, tabs).catch((error: unknown) =>
				log.socket.warn({ err: error }, 'heartbeat failed')
			);
		}
		// Someone in their leave grace stays dropped for all of it, however long it is (S2).
		for (const { roomId, tab } of this.#graces.tabs())
			void this.#put(roomId, tabRecord(tab, 'dropped', this.deps.now())).catch((error: unknown) =>
				log.socket.warn({ err: error }, 'heartbeat failed')
			);
		for (const roomId of rooms) {
			void this.#broadcasts
				.send(roomId)
				.catch((error: unknown) => log.socket.warn({ err: error }, 'roster refresh failed'));
			// Someone whose server vanished no longer holds up the room.
			void this.deps
				.settle(roomId)
				.catch((error: unknown) => log.socket.warn({ err: error }, 'settling failed'));
		}
		// It logs each room's failure itself.
		void this.#broadcasts.beatWatchers(rooms);
	}
}
