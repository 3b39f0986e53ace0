import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { m } from '../paraglide/messages';
import { controlStateSchema, type ControlCommand, type ControlState } from '../protocol/control';
import type { Reply } from '../protocol/socket-events';
import { CommandSender } from './command-sender';
import {
	ana,
	answered,
	FakeControlChannel,
	Held,
	RecordedSession,
	refusal,
	ROOM_ID
} from './control-channel.fixture';
import { JoinFlow } from './join-flow.svelte';
import { WAIT_REASONS } from './offline-actions';
import { OfflineQueue } from './offline-queue.svelte';
import { refusalWords } from './refusal-words';

const onStep = (step: number): ControlState =>
	controlStateSchema.parse({ step, timer: { status: 'idle', durationMs: 60_000 }, people: {} });

const raiseHand: ControlCommand = { type: 'hand.raise' };
const startTimer: ControlCommand = { type: 'timer.start' };

/**
 * A tab's sender wired as `RoomSession` wires it: joins over the same fake channel, and sends
 * what was kept once joined again (and again when its document syncs, as the session does).
 * Tests run the server build of Svelte: `$state` fields read as plain fields.
 */
function room() {
	const channel = new FakeControlChannel();
	const session = new RecordedSession();
	const joinFlow = new JoinFlow(ROOM_ID, channel, false, session);
	const doc: { control: ControlState | undefined } = { control: onStep(2) };
	const docs = { fresh: true };
	const offline = new OfflineQueue();
	const sender = new CommandSender({
		channel,
		joinFlow,
		doc,
		docs,
		offline,
		tell: session.tell
	});
	session.afterJoined = () => void sender.sendKept();
	return { channel, session, joinFlow, doc, docs, offline, sender };
}

/** A room this tab joined, then was cut off from. */
async function cutOff() {
	const parts = room();
	await parts.joinFlow.join(ana);
	parts.joinFlow.disconnected();
	return parts;
}

/** The tab comes back: the socket connects, the join is answered, the session's part runs. */
async function comeBack(joinFlow: JoinFlow): Promise<void> {
	joinFlow.connected();
	await answered();
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
	vi.useRealTimers();
});

describe('a command sent while joined', () => {
	test('answered ok: true, and the problem line cleared', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		session.problem = 'a problem from before';
		expect(await sender.command(raiseHand)).toBe(true);
		expect(channel.commands).toEqual([raiseHand]);
		expect(session.problem).toBeUndefined();
	});

	test('refused: false, and the problem line words the refusal in the person’s language', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		const refused = refusal('not_allowed');
		refused.error.params = { reason: 'controls_locked' };
		channel.commandAnswers.push(refused);
		expect(await sender.command(raiseHand)).toBe(false);
		expect(session.problem).toBe(refusalWords(refused.error));
		expect(session.problem).not.toBe(refused.error.message);
		expect(joinFlow.joined).toBe(true);
	});

	test('its answer lost: false, and the problem line says it was not delivered', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		channel.commandAnswers.push('lost');
		expect(await sender.command(raiseHand)).toBe(false);
		expect(session.problem).toBe(m.room_not_delivered());
	});

	test('before any join (nothing to keep it for), it is sent as it is', async () => {
		const { channel, sender } = room();
		expect(await sender.command(raiseHand)).toBe(true);
		expect(channel.commands).toEqual([raiseHand]);
	});
});

describe('a press while cut off (S21)', () => {
	test('[S21] one that may wait is kept, not sent, and sent once after joining again', async () => {
		const { channel, session, joinFlow, offline, sender } = await cutOff();
		expect(await sender.command(raiseHand)).toBe(false);
		expect(channel.commands).toEqual([]);
		expect(offline.queue.map((kept) => kept.command)).toEqual([raiseHand]);
		expect(session.problem).toBeUndefined();
		// Joined again, and the document synced at the same time: both send what was kept.
		await comeBack(joinFlow);
		await Promise.all([sender.sendKept(), sender.sendKept()]);
		expect(channel.commands).toEqual([raiseHand]);
		expect(offline.queue).toEqual([]);
		expect(offline.news?.sent).toHaveLength(1);
		await sender.sendKept();
		expect(channel.commands).toEqual([raiseHand]);
	});

	test('[S21] one that must wait is not kept, and the problem line says why', async () => {
		const { channel, session, joinFlow, offline, sender } = await cutOff();
		expect(await sender.command(startTimer)).toBe(false);
		expect(offline.queue).toEqual([]);
		expect(session.problem).toBe(WAIT_REASONS.timer());
		await comeBack(joinFlow);
		expect(channel.commands).toEqual([]);
	});

	test('[S21] what was kept waits for a document that is current, then goes', async () => {
		const { channel, joinFlow, docs, offline, sender } = await cutOff();
		await sender.command(raiseHand);
		docs.fresh = false;
		await comeBack(joinFlow);
		expect(joinFlow.joined).toBe(true);
		expect(channel.commands).toEqual([]);
		docs.fresh = true;
		await sender.sendKept();
		expect(channel.commands).toEqual([raiseHand]);
		expect(offline.queue).toEqual([]);
	});

	test('[S21] a move meant for a step the room has left is not sent on return', async () => {
		const { channel, joinFlow, doc, offline, sender } = await cutOff();
		await sender.command({ type: 'step.goto', target: 3 });
		doc.control = onStep(3);
		await comeBack(joinFlow);
		expect(channel.commands).toEqual([]);
		expect(offline.news?.stale).toHaveLength(1);
	});

	test('[S21] [S24] a move that took effect late (the room is there, moved by this person) is told as sent', async () => {
		const { channel, joinFlow, doc, offline, sender } = await cutOff();
		const next = { type: 'step.goto', target: 3 } as const;
		await sender.command(next);
		doc.control = { ...onStep(3), movedBy: ana.participantId };
		await comeBack(joinFlow);
		expect(channel.commands).toEqual([next]);
		expect(offline.news).toMatchObject({ sent: ['Next phase'], stale: [] });
	});
});

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

describe('ratings', () => {
	const rating = { step: 2, value: 4 } as const;

	test('answered ok: true, and the problem line cleared', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		session.problem = 'a problem from before';
		expect(await sender.rate(rating)).toBe(true);
		expect(channel.ratings).toEqual([rating]);
		expect(session.problem).toBeUndefined();
	});

	test('refused: false, the refusal worded; its answer lost: not delivered', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		const refused = refusal('invalid_command');
		refused.error.params = { reason: 'ratings_shown' };
		channel.ratingAnswers.push(refused, 'lost');
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(refusalWords(refused.error));
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(m.room_not_delivered());
	});

	test('[S21] while cut off it is not sent nor kept: the problem line says it waits', async () => {
		const { channel, session, joinFlow, offline, sender } = await cutOff();
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(WAIT_REASONS.rating());
		expect(offline.queue).toEqual([]);
		await comeBack(joinFlow);
		expect(channel.ratings).toEqual([]);
	});

	test('answered "not now": told, and the tab stays joined (a rating is not kept)', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		const unavailable = refusal('unavailable');
		channel.ratingAnswers.push(unavailable);
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(refusalWords(unavailable.error));
		expect(joinFlow.joined).toBe(true);
		expect(joinFlow.waiting).toBe(false);
	});
});
