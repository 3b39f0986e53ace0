import { expect, test } from 'vitest';
import type { ControlCommand } from '../protocol/control';
import type { Reply } from '../protocol/socket-events';
import { OfflineQueue } from './offline-queue.svelte';

const SELF = 'self-id-000000000000';
const next: ControlCommand = { type: 'step.goto', target: 1 };
const raiseHand: ControlCommand = { type: 'hand.raise' };

/** A send that holds each press until the test loses its answer (the connection drops). */
function heldSend() {
	const sent: ControlCommand[] = [];
	const losses: (() => void)[] = [];
	const send = (command: ControlCommand) =>
		new Promise<Reply>((_resolve, reject) => {
			sent.push(command);
			losses.push(() => reject(new Error('cut off')));
		});
	/** Loses the answer of the press on its way. */
	const loseAnswer = () => {
		const lose = losses.shift();
		if (!lose) throw new Error('no press is on its way');
		lose();
	};
	return { send, sent, loseAnswer };
}

/** A queue holding a Next and a raised hand, with the Next on its way once the tab is back. */
async function flushingTwo() {
	const queue = new OfflineQueue();
	queue.add(next, SELF, 0);
	queue.add(raiseHand, SELF, 0);
	const { send, sent, loseAnswer } = heldSend();
	const flushing = queue.flush({ step: 0, movedBy: null }, SELF, send);
	await expect.poll(() => sent.length).toBe(1);
	return { queue, flushing, sent, loseAnswer };
}

test('[S21] a send lost on the way puts the press and those after it back, in order', async () => {
	const { queue, flushing, loseAnswer } = await flushingTwo();
	loseAnswer();
	expect(await flushing).toBeUndefined();
	expect(queue.queue.map((action) => action.command)).toEqual([next, raiseHand]);
});

test('[S20] a removal while kept presses are on their way forgets them: nothing comes back, nothing is told', async () => {
	const { queue, flushing, sent, loseAnswer } = await flushingTwo();
	queue.clear();
	// The removal closed the socket: the answer is lost.
	loseAnswer();
	expect(await flushing).toBeUndefined();
	expect(queue.queue).toEqual([]);
	expect(queue.news).toBeUndefined();
	expect(sent).toEqual([next]);
});
