import type { Playbook } from '../../src/lib/protocol/playbook';
import { log } from '../log';
import { pushPayload, type TurnNotice } from './push-message';
import type { PushStore } from './push-store';
import type { TurnEvents, TurnMove } from '../turns/turn-events';
import type { PushSender } from './web-push-sender';

export interface TurnNotifierDeps {
	store: Pick<PushStore, 'ofPeople' | 'removeEndpoint'>;
	sender: PushSender;
	/** The room's playbook (its title and phase titles go in the text); undefined: room gone. */
	playbookOf(roomId: string): Promise<Playbook | undefined>;
	/** Whether the server still sends to this endpoint (PUSH_SERVICES may have changed). */
	allowed(endpoint: string): boolean;
	/** Server time, ms. */
	now(): number;
}

/** How one round of notifications went, by subscription. */
export interface NotifyOutcome {
	sent: number;
	/** Their push service said they ended: removed (protocol W6). */
	gone: number;
	failed: number;
}

/** How long a "your turn" notice stays worth showing when the device is offline. */
const TURN_TTL_SECONDS = 24 * 60 * 60;

/**
 * Tells people by Web Push when their turn starts and a few hours before its deadline
 * (protocol W4–W6), in the language each subscribed with. Implements the schedule's
 * {@link TurnEvents}: the schedule does not wait for push services, and a failure is logged,
 * never thrown back into it.
 */
export class TurnNotifier implements TurnEvents {
	readonly #sending = new Set<Promise<NotifyOutcome>>();

	constructor(private readonly deps: TurnNotifierDeps) {}

	onTurnStarted(roomId: string, phaseIndex: number, personIds: readonly string[]): void {
		this.#inBackground({ kind: 'turn-started', roomId, phaseIndex }, personIds);
	}

	onTurnMoved(
		roomId: string,
		phaseIndex: number,
		personIds: readonly string[],
		move: TurnMove
	): void {
		this.#inBackground({ kind: 'turn-moved', roomId, phaseIndex, ...move }, personIds);
	}

	onDeadlineNear(
		roomId: string,
		phaseIndex: number,
		personIds: readonly string[],
		deadlineAt: number
	): void {
		this.#inBackground({ kind: 'deadline-near', roomId, phaseIndex, deadlineAt }, personIds);
	}

	/** Sends `notice` to every subscription of `personIds` in its room, at once. */
	async notify(notice: TurnNotice, personIds: readonly string[]): Promise<NotifyOutcome> {
		const outcome: NotifyOutcome = { sent: 0, gone: 0, failed: 0 };
		if (personIds.length === 0) return outcome;
		const { roomId } = notice;
		const pushes = (await this.deps.store.ofPeople(roomId, personIds)).filter((push) =>
			this.deps.allowed(push.endpoint)
		);
		if (pushes.length === 0) return outcome;
		const playbook = await this.deps.playbookOf(roomId);
		if (!playbook) return outcome;
		const now = this.deps.now();
		const ttlSeconds =
			notice.kind === 'deadline-near' ? (notice.deadlineAt - now) / 1000 : TURN_TTL_SECONDS;
		await Promise.all(
			pushes.map(async (push) => {
				const payload = JSON.stringify(pushPayload(notice, push.locale, playbook, now));
				const result = await this.deps.sender.send(push, payload, ttlSeconds);
				outcome[result]++;
				if (result === 'gone') await this.deps.store.removeEndpoint(roomId, push.endpoint);
			})
		);
		// Counts only: an endpoint is a capability to reach someone's device.
		log.push.info({ roomId, notice: notice.kind, ...outcome }, 'turn notifications sent');
		return outcome;
	}

	#inBackground(notice: TurnNotice, personIds: readonly string[]): void {
		const sending = this.notify(notice, personIds).catch((error: unknown) => {
			log.push.error({ roomId: notice.roomId, err: error }, 'sending turn notifications failed');
			return { sent: 0, gone: 0, failed: personIds.length };
		});
		this.#sending.add(sending);
		void sending.finally(() => this.#sending.delete(sending));
	}

	/** Waits for the notifications under way (at shutdown, and in tests). */
	async idle(): Promise<void> {
		await Promise.all([...this.#sending]);
	}
}
