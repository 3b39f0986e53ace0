import type { Participant, VersionedRoster } from '../../src/lib/protocol/presence';
import { log } from '../log';
import { roomChannel, type RoomServer, type RoomSocket } from '../socket/socket-types';

/**
 * Who a roster goes to: `everyone` in the room's channel on every instance, or `watchersHere`,
 * this instance's sockets in it alone (`io.local`).
 */
export type RosterAudience = 'everyone' | 'watchersHere';

/** What sends to a channel: the server (every instance), its local side, or a socket (the rest). */
type RosterSender = RoomServer | RoomServer['local'] | RoomSocket;

export interface RosterBroadcastsDeps {
	io: RoomServer;
	/** The room's roster now, and its version (protocol S27). */
	roster(roomId: string): Promise<VersionedRoster>;
	/** Whether the room was erased lately: its channel hears nothing more of presence (S18). */
	erased(roomId: string): boolean;
	/** Whether someone joined the room through this instance. */
	joinedHere(roomId: string): boolean;
}

/**
 * What a roster tells its audience, to tell a real change from a refresh: its entries without
 * heartbeat times, and without its version, which each heartbeat of any instance raises. A gone
 * entry keeps its last sign of life: someone back and then gone again, unseen here, differs.
 */
function rosterKey(roster: Participant[]): string {
	return JSON.stringify(
		roster.map(({ seenAt, ...rest }) => (rest.status === 'gone' ? { ...rest, seenAt } : rest))
	);
}

/**
 * What was sent to a room's watchers here when they were not all sent the same: equal to no
 * `rosterKey` (a JSON array), so the next send to them is never left out.
 */
const BEHIND = '';

/**
 * This instance's roster sends: after a change it made, and at its heartbeats, where a send is
 * left out when its entries are what it last sent the same audience (`rosterKey`). What it last
 * sent to each audience is kept apart. Sent to everyone, it is what every socket last heard of
 * this instance, kept while someone joined the room here: only their heartbeats ask whether it
 * changed, and a join sends anew (`sendFrom`). Its watchers also hear the rosters of other
 * instances, which this one does not see: each instance sends its own write, and what no write
 * changes (a record gone stale) changes a gone entry's last sign of life (S8, S27).
 */
export class RosterBroadcasts {
	/** What was last sent to each room joined here, to its channel on every instance. */
	readonly #sentToEveryone = new Map<string, string>();
	/** What was last sent to each room's watchers here, or `BEHIND`. */
	readonly #sentToWatchers = new Map<string, string>();
	/** Rooms a socket here watched (`room:watch`), kept while their channel has a socket here. */
	readonly #watchedRooms = new Set<string>();
	#closed = false;

	constructor(private readonly deps: RosterBroadcastsDeps) {}

	/**
	 * Sends the room's roster to `audience`, unless it tells it nothing new since the last one
	 * sent it from here (`force` sends it anyway).
	 */
	async send(
		roomId: string,
		{ force = false, audience = 'everyone' }: { force?: boolean; audience?: RosterAudience } = {}
	): Promise<void> {
		if (this.deps.erased(roomId)) return;
		const read = await this.deps.roster(roomId);
		// A leave or settle still reading the roster when the server closed: the Redis adapter's
		// publish client is closed by then, and its refusal would be nobody's to handle.
		if (this.#closed) return;
		const key = rosterKey(read.roster);
		const toEveryone = audience === 'everyone';
		const sent = toEveryone ? this.#sentToEveryone : this.#sentToWatchers;
		if (!force && sent.get(roomId) === key) return;
		if (!toEveryone || this.deps.joinedHere(roomId)) sent.set(roomId, key);
		// Its last one here left: nothing to remember until someone joins again.
		else sent.delete(roomId);
		this.#emit(toEveryone ? this.deps.io : this.deps.io.local, roomId, read);
	}

	/** Sends `read`, just read after `socket` joined, to everyone in the room but that socket. */
	sendFrom(socket: RoomSocket, roomId: string, read: VersionedRoster): void {
		this.#sentToEveryone.set(roomId, rosterKey(read.roster));
		this.#emit(socket, roomId, read);
	}

	/**
	 * A socket here watches `roomId` (it joined the room's channel): heartbeats follow it, from
	 * before its roster is read, so a read that fails leaves it followed all the same.
	 */
	follow(roomId: string): void {
		this.#watchedRooms.add(roomId);
	}

	/**
	 * A watch of `roomId` here (`follow`) was answered `read`. Its watchers here all heard `read`
	 * when the others were sent the same entries, or nothing yet: the next heartbeat sends them
	 * only a change. Else the others are `BEHIND`, until a send tells them all the roster, however
	 * many watches come before it.
	 */
	answered(roomId: string, read: VersionedRoster): void {
		const key = rosterKey(read.roster);
		const sent = this.#sentToWatchers.get(roomId);
		if (sent !== key) this.#sentToWatchers.set(roomId, sent === undefined ? key : BEHIND);
	}

	/**
	 * At a heartbeat, sends the sockets here that watch a room nobody joined here its roster: a
	 * record gone stale (S8) changes it with no write, and the instances with a tab in the room,
	 * whose heartbeats would send it, may be the ones that stopped. `joined`: rooms this beat
	 * sent to already, to every instance. Never fails: a room's failure is logged, and the other
	 * rooms are sent theirs.
	 */
	async beatWatchers(joined: ReadonlySet<string>): Promise<void> {
		const rooms = [...this.#watchedRooms].filter((roomId) => !joined.has(roomId));
		await Promise.all(
			rooms.map((roomId) =>
				this.#refreshWatchers(roomId).catch((error: unknown) =>
					log.socket.warn({ roomId, err: error }, 'roster refresh failed')
				)
			)
		);
	}

	/** Forgets what was sent to the room and that it was watched: it was erased, or nobody is here. */
	forgetRoom(roomId: string): void {
		this.#sentToEveryone.delete(roomId);
		this.#sentToWatchers.delete(roomId);
		this.#watchedRooms.delete(roomId);
	}

	close(): void {
		this.#closed = true;
	}

	/** Sends the room's watchers here its roster if it changed, or forgets it if they are gone. */
	async #refreshWatchers(roomId: string): Promise<void> {
		if (!this.deps.io.of('/').adapter.rooms.has(roomChannel(roomId))) {
			this.forgetRoom(roomId);
			return;
		}
		await this.send(roomId, { audience: 'watchersHere' });
	}

	/**
	 * Emits the roster through `sender` to the room's channel. Another instance's roster read
	 * before this one may reach these sockets after it: the version lets them keep this one (S27).
	 */
	#emit(sender: RosterSender, roomId: string, read: VersionedRoster): void {
		sender.to(roomChannel(roomId)).emit('presence:roster', read.roster, read.version);
	}
}
