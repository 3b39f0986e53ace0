import { describe, expect, test } from 'vitest';
import { tabTitle } from './tab-title';

const room = { playbookTitle: 'Active Listening Sprint', phaseTitle: 'Tell the story' };
const PLAIN = 'Active Listening Sprint · Practice Room';

describe('the tab title (issue 19.8)', () => {
	test('counts down, rounding up as the timer does, ahead of the phase', () => {
		expect(tabTitle({ ...room, timerStatus: 'running', remainingMs: 272_001 })).toBe(
			'4:33 · Tell the story · Active Listening Sprint · Practice Room'
		);
		expect(tabTitle({ ...room, timerStatus: 'running', remainingMs: 500 })).toBe(
			'0:01 · Tell the story · Active Listening Sprint · Practice Room'
		);
	});

	test('says "Time’s up" once the running timer reached zero', () => {
		expect(tabTitle({ ...room, timerStatus: 'running', remainingMs: 0, finished: true })).toBe(
			'Time’s up · Tell the story · Active Listening Sprint · Practice Room'
		);
	});

	test('says a paused timer is paused, and what it shows', () => {
		expect(tabTitle({ ...room, timerStatus: 'paused', remainingMs: 90_000 })).toBe(
			'1:30 paused · Tell the story · Active Listening Sprint · Practice Room'
		);
	});

	test('says the room is paused for everyone, whatever the timer', () => {
		expect(
			tabTitle({ ...room, timerStatus: 'paused', remainingMs: 90_000, roomPaused: true })
		).toBe('Paused for everyone · Tell the story · Active Listening Sprint · Practice Room');
	});

	test('[A4] says it is this person’s turn in a room across time zones, before the phase', () => {
		expect(tabTitle({ ...room, timerStatus: 'idle', remainingMs: 0, yourTurn: true })).toBe(
			'Your turn · Tell the story · Active Listening Sprint · Practice Room'
		);
		expect(tabTitle({ ...room, yourTurn: true }, { locale: 'es' })).toMatch(/^Te toca · /);
	});

	test('is plain when no timer runs: not started, clock not known, or no room yet', () => {
		expect(tabTitle({ ...room, timerStatus: 'idle', remainingMs: 300_000 })).toBe(PLAIN);
		expect(tabTitle({ ...room, timerStatus: 'running', remainingMs: undefined })).toBe(PLAIN);
		expect(tabTitle({ playbookTitle: 'Active Listening Sprint' })).toBe(PLAIN);
	});
});
