import { assertNever } from '../../src/lib/assert-never';
import { log } from '../log';
import type { RoomRegistry } from '../rooms/room-registry';
import type { PushAddOutcome, PushLimits, PushStore, StoredPush } from './push-store';

export interface TakeBackDeps {
	rooms: Pick<RoomRegistry, 'holding'>;
	store: Pick<PushStore, 'handBack' | 'remove'>;
	/** The limits subscriptions are stored within (W2): a hand-back keeps them too. */
	limits: PushLimits;
}

/**
 * Undoes what storing `push` did, once the second look at its person's ticket failed (W7):
 * `refused`, the person or the room is gone; otherwise it could not be had (503). A new
 * subscription goes either way; a renewal goes only with its person (refused), else the
 * subscription it renewed stays; a takeover gives the endpoint back to whoever's it was, where
 * the store's `handBack` allows it.
 */
export async function takeBack(
	deps: TakeBackDeps,
	roomId: string,
	push: StoredPush,
	outcome: Exclude<PushAddOutcome, { type: 'refused' }>,
	refused: boolean
): Promise<void> {
	switch (outcome.type) {
		case 'added':
			await deps.store.remove(roomId, push.participantId, push.endpoint);
			return;
		case 'renewed':
			if (refused) await deps.store.remove(roomId, push.participantId, push.endpoint);
			return;
		case 'took-over':
			await handBack(deps, roomId, push, outcome.previous);
			return;
		default:
			assertNever(outcome);
	}
}

/**
 * Puts `previous` back where `taken` took it over, unless its person was removed meanwhile: a
 * removal writes the room's state, then deletes the person's subscriptions (W7), which found
 * none at this endpoint while it was the taker's. So a look at the room, caught up with what is
 * stored, after putting it back: either the removal's delete comes after and finds it, or the
 * look finds the removal and deletes it here. A look that cannot be had deletes it too: its
 * person can turn notifications on again, a removed person must not keep them.
 */
async function handBack(
	deps: TakeBackDeps,
	roomId: string,
	taken: StoredPush,
	previous: StoredPush
): Promise<void> {
	if (!(await deps.store.handBack(roomId, taken, previous, deps.limits))) return;
	const removed = await deps.rooms
		.holding(roomId, true, async ({ room }) => {
			await room.caughtUp();
			return room.control.read().removed.includes(previous.participantId);
		})
		.catch((error: unknown) => {
			log.push.warn(
				{ roomId, err: error },
				'a subscription handed back could not be checked: deleted'
			);
			return true;
		});
	if (removed) await deps.store.remove(roomId, previous.participantId, previous.endpoint);
}
