import type { Locale } from '../../src/lib/paraglide/runtime';
import { m } from '../../src/lib/paraglide/messages';
import { localizePlaybook } from '../../src/lib/playbooks/localize';
import type { Playbook } from '../../src/lib/protocol/playbook';
import { PUSH_BODY_MAX, type PushPayload } from '../../src/lib/protocol/push-payload';
import type { TurnMoveReason } from '../../src/lib/room/async-events';
import { assertNever } from '../../src/lib/assert-never';
import { HOUR_MS } from '../../src/lib/time-units';

/** What a notification is about (protocol W4). */
export type TurnNotice =
	| { kind: 'turn-started'; roomId: string; phaseIndex: number }
	| {
			kind: 'turn-moved';
			roomId: string;
			phaseIndex: number;
			toNames: readonly string[];
			reason: TurnMoveReason;
	  }
	| { kind: 'deadline-near'; roomId: string; phaseIndex: number; deadlineAt: number };

const MINUTE_MS = 60 * 1000;

/** Why a turn moved, in a sentence of its own after where it went. */
const movedBecause = {
	'place-freed': m.async_push_moved_place_freed,
	'place-taken': m.async_push_moved_place_taken,
	'drawn-again': m.async_push_moved_drawn_again
} satisfies Record<TurnMoveReason, unknown>;

/**
 * The time left, rounded: whole minutes under an hour (a reminder half of a short window ahead,
 * or one sent late), else whole hours; never nothing, as a reminder is sent while time is left.
 */
export function timeLeft(deadlineAt: number, now: number): { minutes: number } | { hours: number } {
	const ms = deadlineAt - now;
	const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
	// Hours from the time itself: from rounded minutes, 89.5 would read as 90, "about 2 hours".
	return minutes < 60 ? { minutes } : { hours: Math.max(1, Math.round(ms / HOUR_MS)) };
}

/**
 * The notification for `notice` in `locale`: the playbook's title and the phase's, as that
 * person reads them (the playbook's translation where it has one). Pure: `now` is passed in.
 */
export function pushPayload(
	notice: TurnNotice,
	locale: Locale,
	playbook: Playbook,
	now: number
): PushPayload {
	const read = localizePlaybook(playbook, locale);
	const phase = read.phases[notice.phaseIndex]?.title ?? String(notice.phaseIndex + 1);
	const common = { path: `/r/${notice.roomId}`, tag: `turn-${notice.roomId}` };
	switch (notice.kind) {
		case 'turn-started':
			return {
				...common,
				title: m.async_push_turn_title({ playbook: read.title }, { locale }),
				body: m.async_push_turn_body({ phase }, { locale })
			};
		case 'turn-moved': {
			const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(notice.toNames);
			const because = movedBecause[notice.reason]({}, { locale });
			const named = `${m.async_push_moved_to({ phase, names }, { locale })} ${because}`;
			// A circle's worth of long names could outgrow what a notification carries (W5).
			const fits = notice.toNames.length > 0 && named.length <= PUSH_BODY_MAX;
			return {
				...common,
				title: m.async_push_moved_title({ playbook: read.title }, { locale }),
				body: fits ? named : `${m.async_push_moved_to_nobody({ phase }, { locale })} ${because}`
			};
		}
		case 'deadline-near': {
			const left = timeLeft(notice.deadlineAt, now);
			return {
				...common,
				title: m.async_push_deadline_title({ playbook: read.title }, { locale }),
				body:
					'minutes' in left
						? m.async_push_deadline_body_minutes({ phase, ...left }, { locale })
						: m.async_push_deadline_body({ phase, ...left }, { locale })
			};
		}
		default:
			return assertNever(notice);
	}
}
