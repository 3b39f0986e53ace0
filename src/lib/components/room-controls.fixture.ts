import type { QueuedAction } from '$lib/client/offline-actions';
import { roomContextMap, type RoomContext } from '$lib/client/room-context';
import { ServerClock } from '$lib/client/server-clock.svelte';
import { controlStateSchema, type ControlState } from '$lib/protocol/control';
import type { Participant } from '$lib/protocol/presence';
import { isHost } from '$lib/room/room-view';

/** Fixtures for the room-control components' server-render tests. */

export const person = (name: string, status: Participant['status'] = 'connected'): Participant => ({
	participantId: `${name.toLowerCase()}-0001`,
	name,
	roleId: 'listener',
	status,
	seenAt: 0
});

/** Ana and Ben here, Cy gone. */
export const roster = [person('Ana'), person('Ben'), person('Cy', 'gone')];

/** A room at its first step, with `extra` on top. */
export const control = (extra: Partial<ControlState>): ControlState => ({
	...controlStateSchema.parse({ step: 0, timer: { status: 'idle', durationMs: 60_000 } }),
	...extra
});

/**
 * The room context a component renders in: `state` seen by `selfId` among `people`, connected,
 * every command taken; or cut off, with the presses `kept` for the return.
 */
export const roomContext = (
	state: ControlState,
	selfId: string,
	people: readonly Participant[] = roster,
	kept: readonly QueuedAction[] = []
): Map<symbol, RoomContext> =>
	roomContextMap({
		control: state,
		roster: people,
		selfId,
		hosting: isHost(state, selfId),
		cutOff: kept.length > 0,
		kept,
		// Never started: a server render has no clock to ask.
		clock: new ServerClock(() => Promise.resolve(0)),
		command: () => Promise.resolve(true)
	});

/** The rendered text, tags and comments removed and spaces collapsed. */
export const text = (html: string) =>
	html
		.replace(/<!--.*?-->|<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
