import { m } from '../paraglide/messages';
/**
 * After the room's step changes, Next and Previous rest for a moment, so a press meant for the
 * step that was showing cannot skip the one that just began (issue 19.2). The rest is longer when
 * someone else moved the room: that person needs time to notice the change.
 */

/** The rest after this person's own move: long enough to swallow a double press. */
export const OWN_MOVE_HOLD_MS = 800;
/** The rest after someone else's move, or the room moving on by itself. */
export const OTHER_MOVE_HOLD_MS = 1_500;

/** A change of step as this screen saw it. */
export interface SeenMove {
	/** Who moved the room there (`control.movedBy`); null when it moved on by itself. */
	movedBy: string | null;
	/** The title of the phase the room moved to. */
	phaseTitle: string;
	/** When this screen saw the change, on a monotonic clock in ms (`performance.now()`). */
	seenAt: number;
}

export interface MoveHold {
	/** Until when (same clock as `seenAt`) Next and Previous do nothing. */
	until: number;
	/** Who moved, if someone else did, to name them on screen. */
	mover: string | undefined;
	/** What the screen says, for the live region: "Ana moved to Tell the story". */
	announcement: string;
	/** Why the moves wait, for the buttons' description. */
	reason: string;
}

/**
 * The hold after `move`, seen by `selfId`. `nameOf` names a participant (someone who has left is
 * still on record); an unknown mover is "Someone".
 */
export function holdAfterMove(
	move: SeenMove,
	selfId: string,
	nameOf: (participantId: string) => string | undefined
): MoveHold {
	const { movedBy, phaseTitle, seenAt } = move;
	if (movedBy === selfId) {
		return {
			until: seenAt + OWN_MOVE_HOLD_MS,
			mover: undefined,
			announcement: m.room_hold_you_moved({ phase: phaseTitle }),
			reason: m.room_hold_you_reason()
		};
	}
	const mover = movedBy === null ? undefined : (nameOf(movedBy) ?? m.room_hold_someone());
	const announcement =
		mover === undefined
			? m.room_hold_all_ready({ phase: phaseTitle })
			: m.room_hold_moved({ name: mover, phase: phaseTitle });
	return {
		until: seenAt + OTHER_MOVE_HOLD_MS,
		mover,
		announcement,
		reason: m.room_hold_reason({ announcement })
	};
}

/** Whether `hold` still holds the moves at `now` (same clock as its `seenAt`). */
export function isHeld(hold: MoveHold | undefined, now: number): boolean {
	return hold !== undefined && now < hold.until;
}
