import type { TimerState } from '../protocol/control';

const MINUTE_MS = 60_000;

/** A timer that has not started, showing the whole duration. */
export function idleTimer(durationMs: number): TimerState {
	return { status: 'idle', durationMs };
}

/** Milliseconds left at server time `now`, never below zero. */
export function remainingMs(timer: TimerState, now: number): number {
	switch (timer.status) {
		case 'idle':
			return timer.durationMs;
		case 'running':
			return Math.max(0, timer.startedAt + timer.durationMs - now);
		case 'paused':
			return timer.remainingMs;
	}
}

/** Starts an idle timer, or resumes a paused one, from what it shows now. */
export function startTimer(timer: TimerState, now: number): TimerState {
	if (timer.status === 'running') return timer;
	return { status: 'running', durationMs: remainingMs(timer, now), startedAt: now };
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
	if (timer.status !== 'running') return timer;
	return { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) };
}

/**
 * Adds one minute to what the timer shows. A running timer is re-anchored at `now`, so a timer
 * that already reached zero counts down one fresh minute instead of staying at zero.
 */
export function addMinute(timer: TimerState, now: number): TimerState {
	switch (timer.status) {
		case 'idle':
			return { status: 'idle', durationMs: timer.durationMs + MINUTE_MS };
		case 'running':
			return { status: 'running', durationMs: remainingMs(timer, now) + MINUTE_MS, startedAt: now };
		case 'paused':
			return { ...timer, remainingMs: timer.remainingMs + MINUTE_MS };
	}
}

/** True once a running timer has counted down to zero. */
export function hasFinished(timer: TimerState, now: number): boolean {
	return timer.status === 'running' && remainingMs(timer, now) === 0;
}

/** `m:ss`, rounding up so that the display reaches 0:00 exactly when the time is over. */
export function formatRemaining(ms: number): string {
	const totalSeconds = Math.ceil(ms / 1000);
	const minutes = Math.floor(totalSeconds / 60);
	const seconds = totalSeconds % 60;
	return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}
