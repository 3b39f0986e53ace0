import { assertNever } from '../assert-never';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';
import type { ControlCommand, ControlState } from '../protocol/control';
import type { Step } from '../room/steps';
import { moveLabel, type StepMove } from '../room/move-labels';

/**
 * What one press does while the room's control connection is down (docs/protocol.md, S21).
 * `queue`: kept, and sent once the tab has joined again, if it still makes sense then: a press
 * `forStep` only while the room is still on the step the person saw when pressing. `wait`: not
 * kept, and the control says why it is unavailable.
 */
export type OfflinePolicy =
	{ type: 'queue'; slot: QueueSlot; forStep: boolean } | { type: 'wait'; reason: string };

/** One press kept per slot: pressing again replaces it, as the last press is what was meant. */
export type QueueSlot = 'move' | 'ready' | 'hand' | 'agreements';

/** Why a control is unavailable while cut off, in the person's words (read in their language). */
export const WAIT_REASONS = {
	timer: m.room_wait_timer,
	pause: m.room_wait_pause,
	host: m.room_wait_host,
	erase: m.room_wait_erase,
	call: m.room_wait_call,
	rating: m.room_wait_rating,
	turns: m.async_wait_turns,
	connection: m.async_wait_connection
} satisfies Record<string, () => string>;

/** Whether `command`, pressed by `selfId` while cut off, is kept for later or waits. */
export function offlinePolicy(command: ControlCommand, selfId: string): OfflinePolicy {
	switch (command.type) {
		case 'step.goto':
		case 'round.more':
			return { type: 'queue', slot: 'move', forStep: true };
		case 'ready.set':
			return { type: 'queue', slot: 'ready', forStep: true };
		case 'hand.raise':
			return { type: 'queue', slot: 'hand', forStep: false };
		case 'hand.lower':
			// Lowering someone else's hand is the host's call on what the room is doing now.
			return command.participantId === selfId
				? { type: 'queue', slot: 'hand', forStep: false }
				: { type: 'wait', reason: WAIT_REASONS.host() };
		case 'agreements.confirm':
			return { type: 'queue', slot: 'agreements', forStep: false };
		case 'timer.start':
		case 'timer.pause':
		case 'timer.resume':
		case 'timer.reset':
		case 'timer.add-minute':
			return { type: 'wait', reason: WAIT_REASONS.timer() };
		case 'room.pause':
		case 'room.resume':
			return { type: 'wait', reason: WAIT_REASONS.pause() };
		case 'host.lock-control':
		case 'host.lock-room':
		case 'host.hand-over':
		case 'host.remove':
			return { type: 'wait', reason: WAIT_REASONS.host() };
		case 'room.erase':
		case 'erase.vote':
			return { type: 'wait', reason: WAIT_REASONS.erase() };
		case 'call.set':
			return { type: 'wait', reason: WAIT_REASONS.call() };
		case 'async.turn':
			return { type: 'wait', reason: WAIT_REASONS.turns() };
		case 'async.start':
		case 'async.extend':
		case 'async.live':
		case 'async.resume':
		case 'async.second-take':
			// A deadline or a way of playing is a decision on the room as it is when it arrives.
			return { type: 'wait', reason: WAIT_REASONS.connection() };
		default:
			return assertNever(command);
	}
}

/** A press kept while cut off, with the step the room was on for the person when they pressed. */
export interface QueuedAction {
	command: ControlCommand;
	slot: QueueSlot;
	forStep: boolean;
	seenStep: number;
}

/** The queue with `action` in its slot, replacing the earlier press there. */
export function enqueue(queue: readonly QueuedAction[], action: QueuedAction): QueuedAction[] {
	return [...queue.filter((queued) => queued.slot !== action.slot), action];
}

/** Where the room is when the tab has joined again, and who last moved it. */
export type RoomAtReturn = Pick<ControlState, 'step' | 'rounds' | 'movedBy'>;

/**
 * Whether a kept move was made by this person after all: a send answered "not now" that took
 * effect late (S24), so the room is where it meant to go and they moved it there. Sent again,
 * the server answers it as made and changes nothing (S5). The same move made by someone else
 * is news the person should have: the room moved on without them.
 */
function madeLate(command: ControlCommand, room: RoomAtReturn, selfId: string): boolean {
	if (room.movedBy !== selfId) return false;
	switch (command.type) {
		case 'step.goto':
			return command.target === room.step;
		case 'round.more':
			return command.rounds <= Math.max(1, room.rounds ?? 1);
		default:
			return false;
	}
}

/**
 * Whether a kept ready mark has nothing left to do: the room moved on by itself (`movedBy` null)
 * to the step after the one it was meant for, as everyone present being ready moves it. Cut off
 * for less than the leave grace, this person still counted as present, so the room moved on with
 * their mark stored; cut off longer, it moved on as the mark asked anyway. Sending it would do
 * nothing (a mark for a step left does nothing), and "not sent" would be news the room belies.
 */
function movedOnAsReady(command: ControlCommand, room: RoomAtReturn): boolean {
	return (
		command.type === 'ready.set' &&
		command.ready &&
		room.movedBy === null &&
		room.step === command.step + 1
	);
}

/** What becomes of a kept press once the tab is back: sent, told as stale, or dropped unsaid. */
function onReturn(
	action: QueuedAction,
	room: RoomAtReturn,
	selfId: string
): 'send' | 'stale' | 'drop' {
	if (!action.forStep || action.seenStep === room.step) return 'send';
	if (madeLate(action.command, room, selfId)) return 'send';
	if (movedOnAsReady(action.command, room)) return 'drop';
	return 'stale';
}

/**
 * Splits the queue, once the tab of `selfId` has joined again and its document shows where the
 * room is, into the presses still worth sending and those meant for a step the room has left.
 * A ready mark the room already acted on is in neither: it is dropped without a word.
 */
export function sortOnReturn(
	queue: readonly QueuedAction[],
	room: RoomAtReturn,
	selfId: string
): { send: QueuedAction[]; stale: QueuedAction[] } {
	const fate = (action: QueuedAction) => onReturn(action, room, selfId);
	return {
		send: queue.filter((action) => fate(action) === 'send'),
		stale: queue.filter((action) => fate(action) === 'stale')
	};
}

/**
 * The press kept in `slot`, if one is, as a control of the room's step `step` shows it: a press
 * meant for the step it was made on belongs to that step's controls only, as the document may
 * move on while the commands wait.
 */
export function keptIn(
	queue: readonly QueuedAction[],
	slot: QueueSlot,
	step: number
): QueuedAction | undefined {
	return queue.find(
		(action) => action.slot === slot && (!action.forStep || action.seenStep === step)
	);
}

/** The move button `action` was pressed on, or undefined when it is no step move. */
export function stepMoveOf(action: QueuedAction): StepMove | undefined {
	const { command } = action;
	if (command.type === 'round.more') return 'more';
	if (command.type !== 'step.goto') return undefined;
	return command.target > action.seenStep ? 'next' : 'previous';
}

/** The move kept from `move`'s button on step `step`, if that is the move kept. */
export function keptMoveOn(
	queue: readonly QueuedAction[],
	move: StepMove,
	step: number
): QueuedAction | undefined {
	const kept = keptIn(queue, 'move', step);
	return kept && stepMoveOf(kept) === move ? kept : undefined;
}

/**
 * How a press other than a step move is named on screen, as its button says it. A step move's
 * button reads by the step it is on (`moveLabel`), which the command alone does not tell.
 */
export function pressLabel(command: ControlCommand): string {
	switch (command.type) {
		case 'ready.set':
			return command.ready ? m.room_ready_button() : m.room_action_not_ready();
		case 'hand.raise':
			return m.room_action_raise_hand();
		case 'hand.lower':
			return m.room_action_lower_hand();
		case 'agreements.confirm':
			return m.room_action_agree();
		default:
			// Never kept (offlinePolicy makes them wait): named by their type, should one be.
			return command.type;
	}
}

/**
 * How a kept press is named on screen: as the button it was pressed on reads, a step move by
 * the step it was pressed on in `steps`, the room's plan.
 */
export function actionLabel(action: QueuedAction, steps: readonly Step[]): string {
	const move = stepMoveOf(action);
	return move ? moveLabel(steps, action.seenStep, move) : pressLabel(action.command);
}

/** What became of the presses kept while cut off, told once the tab is back. */
export interface OfflineNews {
	sent: QueuedAction[];
	/** Not sent: the room had moved on from the step they were meant for. */
	stale: QueuedAction[];
	/** Refused by the server: `message` is its refusal already worded for this person. */
	refused: { action: QueuedAction; message: string }[];
}

/**
 * The news in words, each press named as its button read (`steps`: the room's plan), naming the
 * step the room moved on to (`stepTitle`).
 */
export function offlineNewsWords(
	news: OfflineNews,
	stepTitle: string | undefined,
	steps: readonly Step[]
): string[] {
	const words: string[] = [];
	const list = (actions: QueuedAction[]) =>
		new Intl.ListFormat(getLocale(), { type: 'unit', style: 'short' }).format(
			actions.map((action) => actionLabel(action, steps))
		);
	if (news.sent.length > 0) words.push(m.room_offline_sent({ actions: list(news.sent) }));
	if (news.stale.length > 0) {
		const actions = list(news.stale);
		words.push(
			stepTitle === undefined
				? m.room_offline_stale({ actions })
				: m.room_offline_stale_to({ actions, phase: stepTitle })
		);
	}
	for (const { action, message } of news.refused) {
		words.push(m.room_offline_refused({ action: actionLabel(action, steps), reason: message }));
	}
	return words;
}
