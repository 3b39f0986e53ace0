import type { ControlCommand } from '../protocol/control';
import type { ProtocolError, Reply } from '../protocol/socket-events';
import { isRetryable } from './join-retry';
import { refusalWords } from './refusal-words';
import {
	enqueue,
	offlinePolicy,
	sortOnReturn,
	type OfflineNews,
	type OfflinePolicy,
	type QueuedAction,
	type RoomAtReturn
} from './offline-actions';

/**
 * The presses a tab keeps while its control connection is down, sent when it has joined again
 * if they still make sense (`offline-actions.ts`), and what became of them.
 */
export class OfflineQueue {
	queue = $state<QueuedAction[]>([]);
	/** What became of the last kept presses; cleared by the next press. */
	news = $state<OfflineNews | undefined>();
	#flushing = false;
	/** Counts `clear`s, so that a send answered after one keeps nothing again. */
	#clears = 0;

	/** Keeps `command` if it may wait for the connection; answers what was done with it. */
	add(command: ControlCommand, selfId: string, seenStep: number): OfflinePolicy {
		const policy = offlinePolicy(command, selfId);
		if (policy.type === 'queue') {
			this.queue = enqueue(this.queue, { command, ...policy, seenStep });
			this.news = undefined;
		}
		return policy;
	}

	/**
	 * Sends what still makes sense with the room where it is now, for `selfId`, in the order
	 * pressed. A send whose answer is lost (cut off again) or "not now" (S24, S25) puts it and
	 * the rest back, to try on the next return; answers that "not now", for the tab to join again
	 * later.
	 */
	async flush(
		room: RoomAtReturn,
		selfId: string,
		send: (command: ControlCommand) => Promise<Reply>
	): Promise<ProtocolError | undefined> {
		if (this.#flushing || this.queue.length === 0) return undefined;
		this.#flushing = true;
		const clears = this.#clears;
		const { send: toSend, stale } = sortOnReturn(this.queue, room, selfId);
		this.queue = [];
		const news: OfflineNews = { sent: [], stale, refused: [] };
		let notNow: ProtocolError | undefined;
		try {
			for (const [index, action] of toSend.entries()) {
				const reply = await send(action.command).catch(() => undefined);
				// Cleared meanwhile (the person was removed): nothing is kept again or told.
				if (clears !== this.#clears) return undefined;
				if (reply === undefined || (!reply.ok && isRetryable(reply.error))) {
					notNow = reply?.error;
					this.#putBack(toSend.slice(index));
					break;
				}
				if (reply.ok) news.sent.push(action);
				else news.refused.push({ action, message: refusalWords(reply.error) });
			}
		} finally {
			this.#flushing = false;
		}
		if (news.sent.length + news.stale.length + news.refused.length > 0) this.news = news;
		return notNow;
	}

	/** Forgets every kept press, including those a send under way would put back. */
	clear(): void {
		this.queue = [];
		this.news = undefined;
		this.#clears += 1;
	}

	/** Keeps `actions` again, before what was pressed since, unless a later press took their slot. */
	#putBack(actions: QueuedAction[]): void {
		const since = this.queue;
		const kept = actions.filter((action) => !since.some((later) => later.slot === action.slot));
		this.queue = [...kept, ...since];
	}
}
