import { describe, expect, test } from 'vitest';
import type { ControlCommand } from '../protocol/control';
import type { Reply } from '../protocol/socket-events';
import { ana, answered, Held } from './control-channel.fixture';
import {
	comeBack,
	cutOff,
	fakeTimeouts,
	onStep,
	raiseHand,
	startTimer
} from './command-sender.fixture';
import { WAIT_REASONS } from './offline-actions';

/** Presses made while the tab is cut off: kept or waiting, and what becomes of them on return. */

fakeTimeouts();

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
		expect(offline.news).toMatchObject({ sent: [{ command: next }], stale: [] });
	});

	test('[S21] [S24] a ready mark stored though its answer was lost, after which everyone being ready moved the room on, is not told as not sent', async () => {
		const { channel, joinFlow, doc, offline, sender } = await cutOff();
		const ready: ControlCommand = { type: 'ready.set', step: 2, ready: true };
		await sender.command(ready);
		const held = new Held<Reply>();
		channel.commandAnswers.push(held);
		await comeBack(joinFlow);
		// Sent on return, stored by the server, and cut off again before its answer arrived.
		joinFlow.disconnected();
		held.give('lost');
		await answered();
		expect(offline.queue.map((kept) => kept.command)).toEqual([ready]);
		// The mark made everyone ready: the room moved on by itself, with nobody as its mover.
		doc.control = onStep(3);
		await comeBack(joinFlow);
		expect(channel.commands).toEqual([ready]);
		expect(offline.queue).toEqual([]);
		expect(offline.news).toBeUndefined();
	});
});
