import type { ControlCommand } from '../protocol/control';
import type { ProtocolError, RatingRequest, Reply } from '../protocol/socket-events';
import { m } from '../paraglide/messages';
import type { DocConnection } from './doc-connection.svelte';
import type { RoomIdentity } from './identity';
import type { JoinFlow } from './join-flow.svelte';
import { isRetryable } from './join-retry';
import { WAIT_REASONS, type OfflinePolicy } from './offline-actions';
import type { OfflineQueue } from './offline-queue.svelte';
import type { RoomDoc } from './room-doc.svelte';
import { wordsFor } from './unreachable';

/**
 * What commands and ratings need of the control connection: `ControlChannel` is one, and a
 * test's in-memory fake (`control-channel.fixture.ts`) another.
 */
export interface CommandChannel {
	/** Sends a control command; rejects when the answer is lost. */
	command(command: ControlCommand): Promise<Reply>;
	/** Gives a rating; rejects when the answer is lost. */
	rate(request: RatingRequest): Promise<Reply>;
}

/** The parts of a session (`RoomSession`) its commands and ratings go through. */
export interface SenderParts {
	readonly channel: CommandChannel;
	readonly joinFlow: JoinFlow;
	/** The room's control map as last synced: the step kept presses were meant for. */
	readonly doc: Pick<RoomDoc, 'control'>;
	/** Whether the document is current: kept presses wait for it. */
	readonly docs: Pick<DocConnection, 'fresh'>;
	/** Presses kept while the control connection is down (docs/protocol.md, S21). */
	readonly offline: OfflineQueue;
	/** Sets the problem line, or clears it with `undefined`. */
	readonly tell: (words: string | undefined) => void;
}

/**
 * A tab's commands and ratings to its room: a refusal or a lost answer becomes the problem line,
 * and a press made while cut off is kept for the tab's return, or waits (S21).
 */
export class CommandSender {
	readonly #parts: SenderParts;

	constructor(parts: SenderParts) {
		this.#parts = parts;
	}

	/**
	 * Sends a control command; a refusal or a lost answer becomes `problem`. While the tab is
	 * joined but cut off, the command is kept to send on its return, or refused with the reason it
	 * waits for the connection (S21); either way it answers false, as nothing was done yet.
	 */
	command(command: ControlCommand): Promise<boolean> {
		const { channel, joinFlow, tell } = this.#parts;
		const identity = joinFlow.identity;
		if (identity && !joinFlow.joined) {
			const policy = this.#keep(command, identity);
			tell(policy.type === 'wait' ? policy.reason : undefined);
			return Promise.resolve(false);
		}
		return this.#ask(
			() => channel.command(command),
			(error) => {
				if (!identity || !isRetryable(error)) return false;
				// Storage is down: the press follows the offline rules, kept or waiting (S21, S24).
				const policy = this.#keep(command, identity);
				tell(policy.type === 'wait' ? policy.reason : wordsFor(error));
				// Like a dropped connection: join again, which sends what was kept.
				joinFlow.dropped(identity, error);
				return true;
			}
		);
	}

	/**
	 * Sends what was kept while cut off, once joined again with a document that is current. A
	 * kept press answered "not now" is kept again, as a live one is, and the tab joins again later,
	 * which sends it (S24, S25).
	 */
	async sendKept(): Promise<void> {
		const { channel, joinFlow, doc, docs, offline, tell } = this.#parts;
		const control = doc.control;
		const identity = joinFlow.identity;
		if (!joinFlow.joined || !docs.fresh || !control || !identity) return;
		const notNow = await offline.flush(control, identity.participantId, (command) =>
			channel.command(command)
		);
		if (!notNow) return;
		tell(wordsFor(notNow));
		joinFlow.dropped(identity, notNow);
	}

	/**
	 * Gives a rating for a rating step; answers whether the server took it. While cut off it is
	 * not sent (socket.io would send it on return before the join, to be refused): it waits (S21).
	 */
	rate(request: RatingRequest): Promise<boolean> {
		const { channel, joinFlow, tell } = this.#parts;
		if (joinFlow.identity && !joinFlow.joined) {
			tell(WAIT_REASONS.rating());
			return Promise.resolve(false);
		}
		return this.#ask(() => channel.rate(request));
	}

	/** Keeps a press made while cut off, if it may wait; answers what was done with it (S21). */
	#keep(command: ControlCommand, identity: RoomIdentity): OfflinePolicy {
		const { doc, offline } = this.#parts;
		return offline.add(command, identity.participantId, doc.control?.step ?? 0);
	}

	/**
	 * Sends one request; a refusal or a lost answer becomes `problem`, unless `handled` took the
	 * refusal.
	 */
	async #ask(
		send: () => Promise<Reply>,
		handled: (error: ProtocolError) => boolean = () => false
	): Promise<boolean> {
		const { tell } = this.#parts;
		tell(undefined);
		try {
			const reply = await send();
			if (!reply.ok && !handled(reply.error)) tell(wordsFor(reply.error));
			return reply.ok;
		} catch {
			tell(m.room_not_delivered());
			return false;
		}
	}
}
