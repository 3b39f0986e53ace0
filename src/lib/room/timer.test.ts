import { describe, expect, test } from 'vitest';
import {
	addMinute,
	formatRemaining,
	hasFinished,
	idleTimer,
	pauseTimer,
	remainingMs,
	startTimer
} from './timer';

const T0 = 1_700_000_000_000;

describe('timer', () => {
	test('an idle timer shows its whole duration whatever the time', () => {
		expect(remainingMs(idleTimer(180_000), T0)).toBe(180_000);
		expect(remainingMs(idleTimer(180_000), T0 + 999_999)).toBe(180_000);
	});

	test('a running timer counts down from its start anchor and stops at zero', () => {
		const running = startTimer(idleTimer(180_000), T0);
		expect(remainingMs(running, T0 + 1_000)).toBe(179_000);
		expect(remainingMs(running, T0 + 180_000)).toBe(0);
		expect(remainingMs(running, T0 + 500_000)).toBe(0);
		expect(hasFinished(running, T0 + 180_000)).toBe(true);
		expect(hasFinished(running, T0 + 179_999)).toBe(false);
	});

	test('pause keeps what was left and resume continues from it', () => {
		const running = startTimer(idleTimer(60_000), T0);
		const paused = pauseTimer(running, T0 + 20_000);
		expect(remainingMs(paused, T0 + 90_000)).toBe(40_000);
		const resumed = startTimer(paused, T0 + 90_000);
		expect(remainingMs(resumed, T0 + 100_000)).toBe(30_000);
	});

	test('starting a running timer or pausing a stopped one changes nothing', () => {
		const running = startTimer(idleTimer(60_000), T0);
		expect(startTimer(running, T0 + 5_000)).toBe(running);
		const idle = idleTimer(60_000);
		expect(pauseTimer(idle, T0)).toBe(idle);
	});

	test('add one minute works in every state and revives a finished timer', () => {
		expect(remainingMs(addMinute(idleTimer(60_000), T0), T0)).toBe(120_000);
		const paused = pauseTimer(startTimer(idleTimer(60_000), T0), T0 + 10_000);
		expect(remainingMs(addMinute(paused, T0 + 20_000), T0 + 30_000)).toBe(110_000);
		const finished = startTimer(idleTimer(60_000), T0);
		const revived = addMinute(finished, T0 + 300_000);
		expect(remainingMs(revived, T0 + 300_000)).toBe(60_000);
		expect(remainingMs(revived, T0 + 330_000)).toBe(30_000);
	});

	test('the display rounds up so it reads 0:00 only when time is over', () => {
		expect(formatRemaining(180_000)).toBe('3:00');
		expect(formatRemaining(179_001)).toBe('3:00');
		expect(formatRemaining(179_000)).toBe('2:59');
		expect(formatRemaining(1)).toBe('0:01');
		expect(formatRemaining(0)).toBe('0:00');
		expect(formatRemaining(3_600_000)).toBe('60:00');
	});
});
