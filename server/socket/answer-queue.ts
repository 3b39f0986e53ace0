import { isRedisOutage } from '../redis/outage';

/** What the queue needs from its socket: how to run storage work safely and say it could not. */
export interface AnswerQueueDeps {
	/** The backend known to be down, if any (`Services.unavailable`). */
	unavailable(): string | undefined;
	/** How long an event may wait for its answer, from its arrival (API_TIMEOUT_MS). */
	deadlineMs: number;
	/** Tells the sender its event was not handled because `dependency` is down (protocol S24). */
	refuse(event: string, ack: unknown, dependency: string): void;
	/** A handler failed for another reason. */
	failed(error: unknown): void;
}

export interface AnswerQueue {
	/** Runs `work` after everything queued before it; nothing it throws escapes. */
	run(work: () => Promise<unknown>): void;
	/**
	 * Runs `work` in turn and answers its reply through `ack`, or answers `unavailable` once the
	 * deadline passes or storage is known to be down. An event still waiting when its deadline
	 * passes never runs; one already running finishes before the next starts (a join and a
	 * disconnect never overlap), and its late reply is dropped.
	 */
	answer<R>(event: string, ack: unknown, work: () => Promise<R>, reply: (r: R) => void): void;
}

/** One socket's events, one at a time and in order, each answered within the deadline. */
export function answerQueue(deps: AnswerQueueDeps): AnswerQueue {
	let queue: Promise<unknown> = Promise.resolve();
	const run = (work: () => Promise<unknown>) => {
		queue = queue.then(work).catch((error: unknown) => deps.failed(error));
	};
	return {
		run,
		answer(event, ack, work, reply) {
			let answered = false;
			const refuse = (dependency: string) => {
				if (answered) return;
				answered = true;
				deps.refuse(event, ack, dependency);
			};
			const timer = setTimeout(() => refuse('storage'), deps.deadlineMs);
			run(async () => {
				if (answered) return;
				const down = deps.unavailable();
				if (down) {
					clearTimeout(timer);
					refuse(down);
					return;
				}
				try {
					const result = await work();
					if (!answered) {
						answered = true;
						reply(result);
					}
				} catch (error) {
					if (!isRedisOutage(error)) throw error;
					refuse('redis');
				} finally {
					clearTimeout(timer);
				}
			});
		}
	};
}
