import { describe, expect, test, vi } from 'vitest';
import type { ControlCommand } from '../protocol/control';
import type { Reply } from '../protocol/socket-events';
import { ana, answered, Held, refusal } from './control-channel.fixture';
import {
	comeBack,
	cutOff,
	fakeTimeouts,
	raiseHand,
	room,
	startTimer
} from './command-sender.fixture';
import { WAIT_REASONS } from './offline-actions';
import { refusalWords } from './refusal-words';

/** Commands answered "not now" (storage down, the room busy): kept, and the tab joins again. */

fakeTimeouts();

describe('a command answered "not now" (S24, S25)', () => {
	test('[S24] one that may wait is kept, the tab joins again after the wait, and it is sent then', async () => {
		const { channel, session, joinFlow, offline, sender } = room();
		await joinFlow.join(ana);
		const unavailable = refusal('unavailable');
		channel.commandAnswers.push(unavailable);
		expect(await sender.command(raiseHand)).toBe(false);
		expect(session.problem).toBe(refusalWords(unavailable.error));
		expect(offline.queue).toHaveLength(1);
		expect(joinFlow.joined).toBe(false);
		expect(joinFlow.storageDown).toBe(true);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(channel.joins).toHaveLength(2);
		expect(channel.commands).toEqual([raiseHand, raiseHand]);
		expect(offline.queue).toEqual([]);
	});

	test('[S25] one that must wait is not kept: the problem line says why, and it is not sent again', async () => {
		const { channel, session, joinFlow, offline, sender } = room();
		await joinFlow.join(ana);
		channel.commandAnswers.push(refusal('busy'));
		expect(await sender.command(startTimer)).toBe(false);
		expect(session.problem).toBe(WAIT_REASONS.timer());
		expect(offline.queue).toEqual([]);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(joinFlow.joined).toBe(true);
		expect(channel.commands).toEqual([startTimer]);
	});

	test('before any join, it is only told: nothing kept, no join', async () => {
		const { channel, session, joinFlow, offline, sender } = room();
		const busy = refusal('busy');
		channel.commandAnswers.push(busy);
		expect(await sender.command(raiseHand)).toBe(false);
		expect(session.problem).toBe(refusalWords(busy.error));
		expect(offline.queue).toEqual([]);
		expect(joinFlow.waiting).toBe(false);
		await vi.advanceTimersByTimeAsync(60_000);
		expect(channel.joins).toEqual([]);
	});
});

describe('a kept press answered "not now" as it is sent on return (S24, S25)', () => {
	test.each(['unavailable', 'busy'] as const)(
		'[S24] answered %s: kept again, not told as refused, and sent once after the tab joins again 1 s later',
		async (code) => {
			const { channel, session, joinFlow, offline, sender } = await cutOff();
			await sender.command(raiseHand);
			const notNow = refusal(code);
			const held = new Held<Reply>();
			channel.commandAnswers.push(held);
			await comeBack(joinFlow);
			// The document synced too: the session sends what was kept again, which is nothing yet.
			await sender.sendKept();
			held.give(notNow);
			await answered();
			expect(channel.commands).toEqual([raiseHand]);
			expect(offline.queue.map((kept) => kept.command)).toEqual([raiseHand]);
			expect(offline.news).toBeUndefined();
			expect(session.problem).toBe(refusalWords(notNow.error));
			expect(joinFlow.joined).toBe(false);
			expect(joinFlow.waiting).toBe(true);
			expect(joinFlow.storageDown).toBe(code === 'unavailable');
			await vi.advanceTimersByTimeAsync(999);
			expect(channel.joins).toHaveLength(2);
			await vi.advanceTimersByTimeAsync(1);
			expect(channel.joins).toHaveLength(3);
			expect(joinFlow.joined).toBe(true);
			expect(channel.commands).toEqual([raiseHand, raiseHand]);
			expect(offline.queue).toEqual([]);
			expect(offline.news?.sent).toHaveLength(1);
			expect(offline.news?.refused).toEqual([]);
			await sender.sendKept();
			expect(channel.commands).toEqual([raiseHand, raiseHand]);
		}
	);

	test('[S24] the presses kept after it are not sent meanwhile, and all go in the order pressed', async () => {
		const { channel, joinFlow, offline, sender } = await cutOff();
		const ready: ControlCommand = { type: 'ready.set', step: 2, ready: true };
		await sender.command(raiseHand);
		await sender.command(ready);
		channel.commandAnswers.push(refusal('unavailable'));
		await comeBack(joinFlow);
		expect(channel.commands).toEqual([raiseHand]);
		expect(offline.queue.map((kept) => kept.command)).toEqual([raiseHand, ready]);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(channel.commands).toEqual([raiseHand, raiseHand, ready]);
		expect(offline.queue).toEqual([]);
	});

	test('[S21] pressed again while the tab waits to join again: one press kept, the last', async () => {
		const { channel, joinFlow, offline, sender } = await cutOff();
		const lowerHand: ControlCommand = { type: 'hand.lower', participantId: ana.participantId };
		await sender.command(raiseHand);
		channel.commandAnswers.push(refusal('busy'));
		await comeBack(joinFlow);
		expect(await sender.command(lowerHand)).toBe(false);
		expect(offline.queue.map((kept) => kept.command)).toEqual([lowerHand]);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(channel.commands).toEqual([raiseHand, lowerHand]);
	});

	test('[S21] pressed again after a drop while its answer was on its way: the later press is the one kept', async () => {
		const { channel, joinFlow, offline, sender } = await cutOff();
		const lowerHand: ControlCommand = { type: 'hand.lower', participantId: ana.participantId };
		await sender.command(raiseHand);
		const held = new Held<Reply>();
		channel.commandAnswers.push(held);
		await comeBack(joinFlow);
		joinFlow.disconnected();
		await sender.command(lowerHand);
		held.give(refusal('busy'));
		await answered();
		expect(offline.queue.map((kept) => kept.command)).toEqual([lowerHand]);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(channel.commands).toEqual([raiseHand, lowerHand]);
		expect(offline.queue).toEqual([]);
	});
});
