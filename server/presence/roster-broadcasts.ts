import type { Participant, VersionedRoster } from '../../src/lib/protocol/presence';
import { log } from '../log';
import { roomChannel, type RoomServer, type RoomSocket } from '../socket/socket-types';

/**
 * Who a roster goes to: `everyone` in the room's channel on every instance, or `watchersHere`,
 * this instance's sockets in it alone (`io.local`).
 */
export type RosterAudience = 'everyone' | 'watchersHere';

export interface RosterBroadcastsDeps {
	io: RoomServer;
	/** The room's roster now, and its version (protocol S27). */
	roster(roomId: string): Promise<VersionedRoster>;
	/** Whether the room was erased lately: its channel hears nothing more of presence (S18). */
	erased(roomId: string): boolean;
}

/** The roster without heartbeat times, to tell a real change from a refresh. */
function rosterKey(roster: Participant[]): string {
	return JSON.stringify(roster.map(({ seenAt: _seenAt, ...rest }) => rest));
}

/**
 * This instance's roster sends: after a change it made, and at its heartbeats, where a send is
 * left out when it would tell its audience nothing new. What it last sent to each audience is
 * kept apart. Sent to everyone, it is what every socket last heard of this instance: a heartbeat
 * sends a roster whose entries changed. Its watchers also hear the rosters of other instances,
 * which this one does not see, and a write may have come and gone between two heartbeats here
 * (someone back through an instance that stopped since): a heartbeat sends them a roster after
 * any write since the last one sent them, whose version lets them keep it (S8, S27).
 */
export class RosterBroadcasts {
	/** What was last sent to each room's channel on every instance: its entries. */
	readonly #sentToEveryone = new Map<string, string>();
	/** What was last sent to each room's watchers here: its version and entries. */
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
		const key =
			audience === 'everyone'
				? rosterKey(read.roster)
				: `${read.version}|${rosterKey(read.roster)}`;
		const sent = audience === 'everyone' ? this.#sentToEveryone : this.#sentToWatchers;
		if (!force && sent.get(roomId) === key) return;
		sent.set(roomId, key);
		const to = audience === 'everyone' ? this.deps.io : this.deps.io.local;
		// Another instance's roster read before this one may reach these sockets after it: the
		// version lets them keep this one (S27).
		to.to(roomChannel(roomId)).emit('presence:roster', read.roster, read.version);
	}

	/** Sends `read`, just read after `socket` joined, to everyone in the room but that socket. */
	sendFrom(socket: RoomSocket, roomId: string, read: VersionedRoster): void {
		this.#sentToEveryone.set(roomId, rosterKey(read.roster));
		socket.to(roomChannel(roomId)).emit('presence:roster', read.roster, read.version);
	}

	/** A socket here watches `roomId` (it joined the room's channel): heartbeats follow it. */
	watched(roomId: string): void {
		this.#watchedRooms.add(roomId);
		// Whatever its other watchers here were sent, this one was sent nothing yet.
		this.#sentToWatchers.delete(roomId);
	}

	/**
	 * At a heartbeat, sends the sockets here that watch a room nobody joined here its roster: a
	 * record gone stale (S8) changes it with no write, and the instances with a tab in the room,
	 * whose heartbeats would send it, may be the ones that stopped. `joined`: rooms this beat
	 * sent to already, to every instance.
	 */
	async beatWatchers(joined: ReadonlySet<string>): Promise<void> {
		const sends: Promise<void>[] = [];
		for (const roomId of this.#watchedRooms) {
			if (joined.has(roomId)) continue;
			if (!this.deps.io.of('/').adapter.rooms.has(roomChannel(roomId))) {
				// Its watchers here are gone.
				this.forgetRoom(roomId);
				continue;
			}
			sends.push(
				this.send(roomId, { audience: 'watchersHere' }).catch((error: unknown) =>
					log.socket.warn({ err: error }, 'roster refresh failed')
				)
			);
		}
		await Promise.all(sends);
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
}
