import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { answerQueue, type AnswerQueueDeps } from './answer-queue';

/** A promise the test settles by hand. */
function gate<T>() {
	let open!: (value: T) => void;
	const promise = new Promise<T>((resolve) => (open = resolve));
	return { promise, open };
}

function queueWith(down: string | undefined = undefined) {
	const refused: { event: string; dependency: string }[] = [];
	const failed: unknown[] = [];
	const deps: AnswerQueueDeps = {
		unavailable: () => down,
		deadlineMs: 100,
		refuse: (event, _ack, dependency) => refused.push({ event, dependency }),
		failed: (error) => failed.push(error)
	};
	return { queue: answerQueue(deps), refused, failed };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('answering socket events within the deadline (protocol S24)', () => {
	test('[S24] a reply in time is answered once, and nothing is refused', async () => {
		const { queue, refused } = queueWith();
		const replies: string[] = [];
		queue.answer(
			'room:join',
			undefined,
			async () => 'joined',
			(r) => replies.push(r)
		);
		await vi.advanceTimersByTimeAsync(500);
		expect(replies).toEqual(['joined']);
		expect(refused).toEqual([]);
	});

	test('[S24] storage known to be down is refused at once, without running the work', async () => {
		const { queue, refused } = queueWith('redis');
		const work = vi.fn(async () => 'joined');
		queue.answer('room:join', undefined, work, () => {});
		await vi.advanceTimersByTimeAsync(0);
		expect(refused).toEqual([{ event: 'room:join', dependency: 'redis' }]);
		expect(work).not.toHaveBeenCalled();
	});

	test('[S24] a hung handler is refused at the deadline; the next waits for it and, past its own deadline, never runs; its late reply is dropped', async () => {
		const { queue, refused } = queueWith();
		const hung = gate<string>();
		const replies: string[] = [];
		const order: string[] = [];
		queue.answer(
			'room:join',
			undefined,
			async () => {
				order.push('join started');
				const reply = await hung.promise;
				order.push('join ended');
				return reply;
			},
			(r) => replies.push(r)
		);
		const command = vi.fn(async () => 'done');
		queue.answer('control:command', undefined, command, (r) => replies.push(r));
		queue.run(async () => {
			order.push('disconnect');
		});
		await vi.advanceTimersByTimeAsync(100);
		expect(refused.map((r) => r.event)).toEqual(['room:join', 'control:command']);
		expect(order).toEqual(['join started']);

		hung.open('joined late');
		await vi.advanceTimersByTimeAsync(0);
		expect(order).toEqual(['join started', 'join ended', 'disconnect']);
		expect(command).not.toHaveBeenCalled();
		expect(replies).toEqual([]);
		expect(refused).toHaveLength(2);
	});

	test('[S24] a handler that fails for another reason is reported, and the queue goes on', async () => {
		const { queue, refused, failed } = queueWith();
		const replies: string[] = [];
		queue.answer(
			'room:watch',
			undefined,
			() => Promise.reject(new Error('boom')),
			() => {}
		);
		queue.answer(
			'room:watch',
			undefined,
			async () => 'watched',
			(r) => replies.push(r)
		);
		await vi.advanceTimersByTimeAsync(0);
		expect(failed).toHaveLength(1);
		expect(replies).toEqual(['watched']);
		expect(refused).toEqual([]);
	});
});
