import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import { formatRemaining } from './timer';

/** What the tab title tells someone looking at another tab. */
export interface TitleState {
	/** The playbook's title: the plain title is "<playbook> · Practice Room". */
	playbookTitle: string;
	/** The current phase's title, when the room is known. */
	phaseTitle?: string | undefined;
	timerStatus?: 'idle' | 'running' | 'paused' | undefined;
	/** What the timer shows on this screen; undefined while the clock is not yet known. */
	remainingMs?: number | undefined;
	/** The running timer has reached zero. */
	finished?: boolean | undefined;
	/** Someone paused the room for everyone. */
	roomPaused?: boolean | undefined;
	/** In a room run across time zones, this person has a turn to take (protocol A4). */
	yourTurn?: boolean | undefined;
}

/**
 * The tab's title: the countdown, or "Time’s up", then the phase, while a timer is counting or
 * paused; the plain title when no timer runs (not started, or the clock not yet known). The
 * state comes first, because a narrow tab shows only the start of its title.
 */
export function tabTitle(state: TitleState, options: { locale?: Locale } = {}): string {
	const plain = m.room_tab_plain({ playbook: state.playbookTitle }, options);
	const withPhase = (lead: string) =>
		[lead, state.phaseTitle, plain].filter((part) => part !== undefined && part !== '').join(' · ');
	if (state.roomPaused) return withPhase(m.room_tab_paused({}, options));
	if (state.yourTurn) return withPhase(m.async_tab_your_turn({}, options));
	if (state.remainingMs === undefined) return plain;
	switch (state.timerStatus) {
		case 'running':
			return withPhase(
				state.finished ? m.room_tab_times_up({}, options) : formatRemaining(state.remainingMs)
			);
		case 'paused':
			return withPhase(
				m.room_tab_timer_paused({ time: formatRemaining(state.remainingMs) }, options)
			);
		case 'idle':
		case undefined:
			return plain;
	}
}
