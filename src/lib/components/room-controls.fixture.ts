import { controlStateSchema, type ControlState } from '$lib/protocol/control';
import type { Participant } from '$lib/protocol/presence';

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

export const oncommand = () => Promise.resolve(true);

/** The rendered text, tags and comments removed and spaces collapsed. */
export const text = (html: string) =>
	html
		.replace(/<!--.*?-->|<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
