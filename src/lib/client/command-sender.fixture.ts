import { afterEach, beforeEach, vi } from 'vitest';
import { controlStateSchema, type ControlCommand, type ControlState } from '../protocol/control';
import { CommandSender } from './command-sender';
import {
	ana,
	answered,
	FakeControlChannel,
	RecordedSession,
	ROOM_ID
} from './control-channel.fixture';
import { JoinFlow } from './join-flow.svelte';
import { OfflineQueue } from './offline-queue.svelte';

/** The room's control state on `step`, with an idle one-minute timer. */
export const onStep = (step: number): ControlState =>
	controlStateSchema.parse({ step, timer: { status: 'idle', durationMs: 60_000 }, people: {} });

export const raiseHand: ControlCommand = { type: 'hand.raise' };
export const startTimer: ControlCommand = { type: 'timer.start' };

/**
 * A tab's sender wired as `RoomSession` wires it: joins over the same fake channel, and sends
 * what was kept once joined again (and again when its document syncs, as the session does).
 * Tests run the server build of Svelte: `$state` fields read as plain fields.
 */
export function room() {
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
export async function cutOff() {
	const parts = room();
	await parts.joinFlow.join(ana);
	parts.joinFlow.disconnected();
	return parts;
}

/** The tab comes back: the socket connects, the join is answered, the session's part runs. */
export async function comeBack(joinFlow: JoinFlow): Promise<void> {
	joinFlow.connected();
	await answered();
}

/** Fakes timeouts in each test of the calling file: the waits to join again pass by hand. */
export function fakeTimeouts(): void {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
	});

	afterEach(() => {
		vi.useRealTimers();
	});
}
