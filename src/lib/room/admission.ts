import { MAX_PARTICIPANTS, type ControlState } from '../protocol/control';
import type { Participant } from '../protocol/presence';
import type { ProtocolError } from '../protocol/socket-events';

/**
 * Whether `participantId` may come into the room as it is locked or not (not whether they were
 * removed): anyone while it is open; while it is locked, the people in it when it was locked
 * (everyone who ever joined, for a room locked before `lockedWith` was kept).
 */
export function mayEnter(
	state: Pick<ControlState, 'roomLocked' | 'lockedWith' | 'people'>,
	participantId: string
): boolean {
	if (!state.roomLocked) return true;
	return state.lockedWith.length > 0
		? state.lockedWith.includes(participantId)
		: participantId in state.people;
}

/**
 * Whether `participantId` may join now, given the room's control state and roster: people the
 * host removed may not; in a locked room, only the people here when it was locked may; and a room holds
 * {@link MAX_PARTICIPANTS} people at once (projectors are not people). Answers the refusal.
 */
export function admissionRefusal(
	state: ControlState,
	roster: readonly Participant[],
	participantId: string
): ProtocolError | undefined {
	if (state.removed.includes(participantId)) {
		return { code: 'removed', message: 'The host has removed you from this room.' };
	}
	if (!mayEnter(state, participantId)) {
		return {
			code: 'room_locked',
			message: 'This room is locked: the host is not letting anyone new in right now.'
		};
	}
	const here = roster.filter((person) => person.status !== 'gone');
	if (
		here.length >= MAX_PARTICIPANTS &&
		!here.some((person) => person.participantId === participantId)
	) {
		return {
			code: 'room_full',
			message: `This room is full: it holds ${MAX_PARTICIPANTS} people. Ask the group, or start another room.`,
			params: { count: MAX_PARTICIPANTS }
		};
	}
	return undefined;
}
