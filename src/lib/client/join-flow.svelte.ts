import type { JoinReply, JoinRequest, ProtocolError } from '../protocol/socket-events';
import { PROTOCOL_VERSION } from '../protocol/version';
import { roomHostKey, type RoomIdentity } from './identity';
import { JoinBackoff } from './join-backoff.svelte';
import { isRetryable } from './join-retry';
import { UNREACHABLE, wordsFor } from './unreachable';

/** The room's answer when it takes this tab in. */
export type JoinAccepted = Extract<JoinReply, { ok: true }>;

/**
 * What a join answers when the room closed on this tab before its answer came (an erase, a
 * removal, the page leaving): nothing was done with the answer, and nothing is told.
 */
export const CLOSED: ProtocolError = {
	code: 'internal',
	message: 'The room closed on this tab before the join was answered.'
};

/**
 * What a join needs of the control connection: `ControlChannel` is one, and a test's in-memory
 * fake (`control-channel.fixture.ts`) another.
 */
export interface JoinChannel {
	/** Resolves true once the connection is up, false if that takes longer than a few seconds. */
	connected(): Promise<boolean>;
	/** Asks the room to take this tab in; rejects when the answer is lost. */
	join(request: JoinRequest): Promise<JoinReply>;
}

/** What a join's answers ask of the session that joins (`RoomSession`). */
export interface JoinEvents {
	/** The room took this tab in: its roster, projector link and document ticket are in `reply`. */
	onJoined(identity: RoomIdentity, reply: JoinAccepted): void;
	/** Follows the roster without joining, so the join form knows who is here. */
	watch(): Promise<void>;
	/** The host removed this person. */
	onRemoved(): void;
	/** The room was erased, or has ended. */
	onErased(): Promise<void>;
	/** Sets the problem line, or clears it with `undefined`. */
	tell(words: string | undefined): void;
}

/**
 * A tab's joining of its room over the control connection: who it joins as, whether it is
 * joined, joining again after every reconnect or "not now" until a join is refused, and telling
 * a refusal once.
 */
export class JoinFlow {
	/** Joined over the control connection as it is now: commands reach the room. */
	joined = $state(false);
	/** The room is locked and this tab is not among its people: refused until the host unlocks. */
	lockedOut = $state(false);
	/** The last join was refused because the room is full. */
	refusedFull = $state(false);
	/** The server answered "not now" (storage down, S24, or the room busy, S25). */
	readonly #backoff = new JoinBackoff();
	/** Who this tab joins as, again after every reconnect; unset after a refused join. */
	#identity: RoomIdentity | undefined;
	#joining: Promise<ProtocolError | undefined> | undefined;
	/** How often the room closed on this tab (`forget`, `stop`): a join begun before is void. */
	#closings = 0;
	/** The page will join with an identity it kept: the first connect waits for it, not watches. */
	#joinFollows: boolean;
	readonly #roomId: string;
	readonly #channel: JoinChannel;
	readonly #events: JoinEvents;

	constructor(roomId: string, channel: JoinChannel, joinFollows: boolean, events: JoinEvents) {
		this.#roomId = roomId;
		this.#channel = channel;
		this.#joinFollows = joinFollows;
		this.#events = events;
	}

	/** Who this tab joins as; unset before a join and after a refused one. */
	get identity(): RoomIdentity | undefined {
		return this.#identity;
	}

	/** The last answer was "not now": the tab joins again a little later. */
	get waiting(): boolean {
		return this.#backoff.active;
	}

	/** The server answered that it cannot reach its storage: joins are retried (protocol S24). */
	get storageDown(): boolean {
		return this.#backoff.storageDown;
	}

	/** The control connection is up (again): join as before, or follow the room until joined. */
	connected(): void {
		// A join already waiting for this connection goes ahead by itself.
		if (this.#joining) return;
		if (this.#identity) void this.join(this.#identity);
		else if (!this.#joinFollows) void this.#events.watch();
	}

	/**
	 * Joins with a name and role, waiting for the connection if needed; answers the server's
	 * error, if any, or `CLOSED` if the room closed on this tab first. The tab joins again by
	 * itself after every reconnect until a join is refused.
	 */
	async join(identity: RoomIdentity): Promise<ProtocolError | undefined> {
		this.#identity = identity;
		this.#joinFollows = false;
		const joining = this.#join(identity, this.#closings);
		this.#joining = joining;
		const error = await joining.finally(() => {
			if (this.#joining === joining) this.#joining = undefined;
		});
		// The room closed on this tab meanwhile: an erase that disconnected the socket must not
		// end as "cannot be reached", nor a late answer join again.
		if (error === CLOSED) return CLOSED;
		if (error && isRetryable(error)) {
			// Like a dropped connection: keep who this is, and try again a little later (S24, S25).
			this.#backoff.hit(error);
			this.#events.tell(wordsFor(error));
			this.#retryLater(identity);
			return error;
		}
		this.#backoff.reset();
		if (error && error !== UNREACHABLE) this.#identity = undefined;
		await this.#refused(error);
		return error;
	}

	/** A command was answered "not now": like a dropped connection, join again later (S24, S25). */
	dropped(identity: RoomIdentity, error: ProtocolError): void {
		this.joined = false;
		this.#backoff.hit(error);
		this.#retryLater(identity);
	}

	/** The control connection dropped: not joined until the join on reconnect is answered. */
	disconnected(): void {
		this.joined = false;
	}

	/**
	 * The room closed on this tab (a removal, an erase): it is not joined, joins no more, and a
	 * join still waiting for its answer changes nothing when it comes.
	 */
	forget(): void {
		this.joined = false;
		this.#identity = undefined;
		this.#close();
	}

	/** Drops a join still waiting to be retried or answered. */
	stop(): void {
		this.#backoff.stop();
		this.#close();
	}

	#close(): void {
		this.#closings += 1;
		this.#joining = undefined;
	}

	/**
	 * Tells a refused join once, where it belongs: a locked or full room in the join form's
	 * notice, a removal as the page's only message, anything else as the problem line.
	 */
	async #refused(error: ProtocolError | undefined): Promise<void> {
		this.#events.tell(undefined);
		this.refusedFull = error?.code === 'room_full';
		if (!error) return;
		switch (error.code) {
			case 'room_full':
				// A join on reconnect never watched: follow the room, to see a place come free.
				void this.#events.watch();
				return;
			case 'room_locked':
				this.lockedOut = true;
				// Likewise, to hear the door open (S22).
				void this.#events.watch();
				return;
			case 'removed':
				this.#events.onRemoved();
				return;
			case 'room_not_found':
				// Erased or expired while this tab was away.
				await this.#events.onErased();
				return;
			default:
				this.#events.tell(wordsFor(error));
		}
	}

	/** Joins over the channel, unless the room closes on this tab (`closings` changes) first. */
	async #join(identity: RoomIdentity, closings: number): Promise<ProtocolError | undefined> {
		const closed = () => this.#closings !== closings;
		const up = await this.#channel.connected();
		if (closed()) return CLOSED;
		if (!up) return UNREACHABLE;
		let reply: JoinReply;
		try {
			reply = await this.#channel.join({
				protocolVersion: PROTOCOL_VERSION,
				roomId: this.#roomId,
				...identity,
				hostKey: roomHostKey(this.#roomId)
			});
		} catch {
			return closed() ? CLOSED : UNREACHABLE;
		}
		if (closed()) return CLOSED;
		if (!reply.ok) return reply.error;
		this.joined = true;
		this.#events.onJoined(identity, reply);
		return undefined;
	}

	/** Joins again after a backoff, unless joined, refused or gone by then. */
	#retryLater(identity: RoomIdentity): void {
		this.#backoff.later(() => {
			if (this.#identity === identity && !this.joined && !this.#joining) {
				void this.join(identity);
			}
		});
	}
}
