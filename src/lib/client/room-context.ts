import type { ControlCommand, ControlState } from '../protocol/control';
import type { Participant } from '../protocol/presence';
import type { QueuedAction } from './offline-actions';
import type { ServerClock } from './server-clock.svelte';
import { typedContext } from './typed-context';

/**
 * The room as its components read it, from Svelte context rather than props passed down through
 * the page: the room page provides a live `RoomView`, component tests a plain object.
 */
export interface RoomContext {
	/**
	 * The room's control state. Only components shown once the room has synced read it; the page
	 * shows them inside its `synced` checks.
	 */
	readonly control: ControlState;
	/** Who is here: someone the host removed is left out. */
	readonly roster: readonly Participant[];
	/** This person's participant id; empty before joining. */
	readonly selfId: string;
	/** This person holds the host role. */
	readonly hosting: boolean;
	/** Joined, but the control connection is down: what others do is not known (S21). */
	readonly cutOff: boolean;
	/**
	 * The presses kept while cut off, to send on return (S21): each control says beside itself
	 * that its press is kept. Read from the session's queue, never copied.
	 */
	readonly kept: readonly QueuedAction[];
	/** The server's clock, for countdowns; read once the room has synced. */
	readonly clock: ServerClock;
	/** Sends a control command; answers whether the room took it (a refusal is told by the page). */
	command(command: ControlCommand): Promise<boolean>;
}

/**
 * The room of this component and everything inside it (`setRoomContext`), read by the room's
 * components (`getRoomContext`); `roomContextMap` gives a component test its room.
 */
export const {
	set: setRoomContext,
	get: getRoomContext,
	testMap: roomContextMap
} = typedContext<RoomContext>('room', 'a room component was shown outside a room');
