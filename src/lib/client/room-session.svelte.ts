import * as Y from 'yjs';
import * as z from 'zod/mini';
import type { ControlCommand } from '../protocol/control';
import { participantSchema, type Participant } from '../protocol/presence';
import { assertNever } from '../assert-never';
import {
	hostKeyGrantSchema,
	lockNewsSchema,
	projectorGrantSchema,
	type ProtocolError,
	type RatingRequest
} from '../protocol/socket-events';
import type { MemberTicket } from '../protocol/ids';
import { CommandSender } from './command-sender';
import { ControlChannel } from './control-channel';
import { CLOSE_WORDS, type DocCloseAction } from './doc-close';
import { DocConnection } from './doc-connection.svelte';
import { forgetRoom, forgetRoomTools, saveHostKey, type RoomIdentity } from './identity';
import { JoinFlow, type JoinAccepted } from './join-flow.svelte';
import { LatestRoster } from './latest-roster';
import { OfflineQueue } from './offline-queue.svelte';
import { forgetPush } from './push-device';
import { RoomDoc } from './room-doc.svelte';
import { refusalWords } from './refusal-words';
import { ServerClock } from './server-clock.svelte';
import { wordsFor } from './unreachable';

const rosterSchema = z.array(participantSchema);

/**
 * One tab's live connection to a room: the shared document over y-websocket (kept in IndexedDB
 * too, so notes typed offline survive a reload), presence and control over socket.io, and the
 * server clock. Everything a component shows is reactive state here; joining is its `JoinFlow`'s,
 * sending commands and ratings its `CommandSender`'s.
 */
export class RoomSession {
	readonly doc: RoomDoc;
	readonly clock: ServerClock;
	roster = $state<Participant[]>([]);
	/** The last problem worth telling the person about, in plain words. */
	problem = $state<string | undefined>();
	/** The token of the room's projector link, known once joined. */
	projectorToken = $state<string | undefined>();
	/**
	 * Who this tab joined as and the ticket the join answered: what proves membership to the
	 * room's HTTP routes (Web Push, protocol W1), as to its document connection (Y9).
	 */
	member = $state<MemberTicket | undefined>();
	/** The host removed this person: the room stays closed to this tab. */
	removed = $state(false);
	/** The room was erased, or has ended: this tab stopped and forgot everything it kept of it. */
	erased = $state(false);
	/** The first roster has arrived: the join form may suggest a role from it. */
	rosterKnown = $state(false);
	/** Presses kept while the control connection is down (docs/protocol.md, S21). */
	readonly offline = new OfflineQueue();
	#socketConnected = $state(false);
	readonly #channel = new ControlChannel();
	readonly #socket = this.#channel.socket;
	readonly #docs: DocConnection;
	readonly #joinFlow: JoinFlow;
	/** Which rosters to show: the newest of the connection (S27). */
	readonly #latestRoster = new LatestRoster();
	readonly #sender: CommandSender;
	/** How the session's parts set its problem line. */
	#tell = (words: string | undefined) => {
		this.problem = words;
	};

	/** connecting: first contact; live: both channels up; reconnecting: one of them dropped. */
	readonly connection = $derived.by(() => {
		if (this.#joinFlow.waiting && this.#docs.synced) return 'reconnecting';
		if (this.#socketConnected && this.#docs.connected && this.#docs.synced) return 'live';
		return this.#docs.synced ? 'reconnecting' : 'connecting';
	});

	/** Joined over the control connection as it is now: commands reach the room. */
	get joined(): boolean {
		return this.#joinFlow.joined;
	}

	/** The room is locked and this tab is not among its people: refused until the host unlocks. */
	get lockedOut(): boolean {
		return this.#joinFlow.lockedOut;
	}

	/** The last join was refused because the room is full. */
	get refusedFull(): boolean {
		return this.#joinFlow.refusedFull;
	}

	/** The server answered that it cannot reach its storage: joins are retried (protocol S24). */
	get storageDown(): boolean {
		return this.#joinFlow.storageDown;
	}

	/**
	 * A projector session (with the token of the room's projector link) only watches: it never
	 * joins, and the server takes nothing from its document connection. A session opened before
	 * the page that will join it with a kept identity (`joinFollows`) does not watch meanwhile.
	 */
	constructor(
		readonly roomId: string,
		readonly options: { projectorToken?: string; joinFollows?: boolean } = {}
	) {
		const ydoc = new Y.Doc();
		this.doc = new RoomDoc(ydoc);
		this.#joinFlow = new JoinFlow(roomId, this.#channel, options.joinFollows ?? false, {
			onJoined: (identity, reply) => this.#joined(identity, reply),
			watch: () => this.#watch(),
			onRemoved: () => this.#removed(),
			onErased: () => this.#erased(),
			tell: this.#tell
		});
		this.#docs = new DocConnection(roomId, ydoc, options.projectorToken, {
			onSynced: () => {
				// The room let this tab's document in: it is not (or no longer) locked to it.
				this.#joinFlow.lockedOut = false;
				void this.#sender.sendKept();
			},
			onClosed: (action) => this.#docClosed(action),
			onLimitClose: this.#tell
		});
		this.#sender = new CommandSender({
			channel: this.#channel,
			joinFlow: this.#joinFlow,
			doc: this.doc,
			docs: this.#docs,
			offline: this.offline,
			tell: this.#tell
		});

		this.clock = new ServerClock(this.#channel.serverTime);
		this.#socket.on('connect', () => {
			this.#socketConnected = true;
			void this.clock.start();
			this.#joinFlow.connected();
		});
		this.#socket.on('disconnect', () => {
			this.#socketConnected = false;
			this.#latestRoster.reset();
			this.#joinFlow.disconnected();
			this.clock.stop();
		});
		this.#socket.on('presence:roster', (roster, version) => this.#setRoster(roster, version));
		this.#socket.on('protocol:error', (error) => (this.problem = refusalWords(error)));
		this.#socket.on('host:key', (grant) => {
			const parsed = hostKeyGrantSchema.safeParse(grant);
			if (parsed.success && parsed.data.roomId === roomId) saveHostKey(roomId, parsed.data.hostKey);
		});
		this.#socket.on('room:removed', () => this.#removed());
		this.#socket.on('room:projector', (grant) => {
			// Someone was removed and the projector link replaced: show the new one (protocol S20).
			const parsed = projectorGrantSchema.safeParse(grant);
			if (parsed.success && parsed.data.roomId === roomId && this.projectorToken !== undefined) {
				this.projectorToken = parsed.data.projectorToken;
			}
		});
		this.#socket.on('room:erased', () => void this.#erased());
		this.#socket.on('room:lock', (news) => {
			const parsed = lockNewsSchema.safeParse(news);
			if (!parsed.success || parsed.data.roomId !== roomId || parsed.data.locked) return;
			// The door opened: a page refused before joining connects its document again (S22).
			if (this.#joinFlow.lockedOut && !this.#joinFlow.identity) {
				this.#joinFlow.lockedOut = false;
				this.#docs.open();
			}
		});

		document.addEventListener('visibilitychange', this.#reportVisibility);
	}

	/**
	 * Joins with a name and role, waiting for the connection if needed; answers the server's
	 * error, if any. The tab joins again by itself after every reconnect until a join is refused.
	 */
	join(identity: RoomIdentity): Promise<ProtocolError | undefined> {
		return this.#joinFlow.join(identity);
	}

	/** Sends a control command, or keeps it while cut off (see `CommandSender.command`). */
	command(command: ControlCommand): Promise<boolean> {
		return this.#sender.command(command);
	}

	/** Gives a rating for a rating step; answers whether the server took it (S21). */
	rate(request: RatingRequest): Promise<boolean> {
		return this.#sender.rate(request);
	}

	/** The server closed the document connection: act on what it means (docs/protocol.md). */
	#docClosed(action: DocCloseAction): void {
		switch (action.type) {
			case 'erased':
				void this.#erased();
				return;
			case 'removed':
				this.#removed();
				return;
			case 'reconnect':
				this.#docs.open();
				return;
			case 'locked':
				// Before joining, the join form says it once; a joined person is shut out of it.
				if (this.#joinFlow.identity) this.problem = CLOSE_WORDS.locked();
				else this.#joinFlow.lockedOut = true;
				return;
			case 'explain':
				this.problem = action.words;
				return;
			case 'none':
				return;
			default:
				assertNever(action);
		}
	}

	/** Follows the roster before joining, so the join form knows who is here. */
	async #watch(): Promise<void> {
		try {
			const reply = await this.#channel.watch({
				roomId: this.roomId,
				projectorToken: this.options.projectorToken
			});
			if (reply.ok) this.#setRoster(reply.roster, reply.rosterVersion);
			else if (reply.error.code === 'room_not_found') await this.#erased();
			else this.problem = wordsFor(reply.error);
		} catch {
			// Disconnected again: the next connect watches again.
		}
	}

	/** Shows the roster, unless it is older than the one shown: one that came late (S27). */
	#setRoster(roster: unknown, version: unknown): void {
		const parsed = rosterSchema.safeParse(roster);
		if (!parsed.success || !this.#latestRoster.take(version)) return;
		this.roster = parsed.data;
		this.rosterKnown = true;
	}

	/** The room took this tab in: its people, its projector link, and the ticket for its document. */
	#joined(identity: RoomIdentity, reply: JoinAccepted): void {
		this.#setRoster(reply.roster, reply.rosterVersion);
		this.projectorToken = reply.projectorToken;
		this.#docs.useTicket(identity.participantId, reply.docTicket);
		this.member = { participantId: identity.participantId, ticket: reply.docTicket };
		this.#reportVisibility();
		void this.#sender.sendKept();
	}

	/**
	 * The host removed this person: the room closes on this tab, and this browser forgets what
	 * the room's tools kept and its notifications (the server deleted its copy, W7). Who the person
	 * was stays, so the tab says "removed" again on a reload.
	 */
	#removed(): void {
		this.removed = true;
		forgetRoomTools(this.roomId);
		void forgetPush(this.roomId);
		this.#joinFlow.forget();
		// The removal screen is all this tab shows: no problem line, nothing kept to send.
		this.problem = undefined;
		this.offline.clear();
		this.#docs.disconnect();
	}

	/**
	 * The room was erased, or ended while this tab was away: the tab stops, and this browser
	 * forgets everything it kept of the room (its copy of the document in IndexedDB, who this
	 * person was in it, the host key, its notifications).
	 */
	async #erased(): Promise<void> {
		if (this.erased) return;
		this.erased = true;
		this.#joinFlow.forget();
		this.problem = undefined;
		this.projectorToken = undefined;
		forgetRoom(this.roomId);
		this.clock.stop();
		this.#socket.disconnect();
		this.#docs.disconnect();
		await Promise.all([this.#docs.clearLocal(), forgetPush(this.roomId)]);
	}

	#reportVisibility = () => {
		if (this.#socket.connected && this.#joinFlow.identity) {
			this.#socket.emit('presence:visibility', { visible: document.visibilityState === 'visible' });
		}
	};

	destroy(): void {
		this.#joinFlow.stop();
		document.removeEventListener('visibilitychange', this.#reportVisibility);
		this.clock.stop();
		this.#socket.disconnect();
		this.#docs.destroy();
		this.doc.destroy();
		this.doc.doc.destroy();
	}
}
