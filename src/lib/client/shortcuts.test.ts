import { describe, expect, test } from 'vitest';
import { planSteps } from '../room/steps';
import {
	helpMoveWords,
	SHORTCUTS,
	shortcutAttributes,
	shortcutFor,
	shortcutRefusal,
	type KeyPress,
	type KeyTarget,
	type ShortcutContext
} from './shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	repeat: false,
	isComposing: false,
	...more
});
const on = (tagName: string, more: Partial<KeyTarget> = {}): KeyTarget => ({
	tagName,
	isContentEditable: false,
	role: null,
	inDialog: false,
	...more
});
const page = on('BODY');

describe('which key press is a shortcut (issue 19.8)', () => {
	test('Space, N, P, + or =, H and ? on the page, in either case', () => {
		expect(shortcutFor(press(' '), page)).toBe('timer');
		expect(shortcutFor(press('n'), page)).toBe('next');
		expect(shortcutFor(press('N'), page)).toBe('next');
		expect(shortcutFor(press('p'), page)).toBe('previous');
		expect(shortcutFor(press('+'), page)).toBe('minute');
		expect(shortcutFor(press('='), page)).toBe('minute');
		expect(shortcutFor(press('H'), page)).toBe('hand');
		expect(shortcutFor(press('?'), page)).toBe('help');
		expect(shortcutFor(press('x'), page)).toBeUndefined();
		expect(shortcutFor(press('Enter'), page)).toBeUndefined();
	});

	test('none while typing: inputs, text areas, selects and anything editable', () => {
		for (const target of [
			on('INPUT'),
			on('TEXTAREA'),
			on('SELECT'),
			on('DIV', { isContentEditable: true })
		]) {
			for (const key of [' ', 'n', 'p', '+', 'h', '?']) {
				expect(shortcutFor(press(key), target), `${key} in ${target.tagName}`).toBeUndefined();
			}
		}
	});

	test('none with Ctrl, Cmd or Alt held, while composing, or for a held key', () => {
		for (const more of [
			{ ctrlKey: true },
			{ metaKey: true },
			{ altKey: true },
			{ isComposing: true },
			{ repeat: true }
		]) {
			expect(shortcutFor(press('n', more), page)).toBeUndefined();
			expect(shortcutFor(press(' ', more), page)).toBeUndefined();
		}
	});

	test('none inside a dialog, which has its own keys', () => {
		expect(shortcutFor(press('n'), on('BUTTON', { inDialog: true }))).toBeUndefined();
	});

	test('Space on a focused button or link presses it, not the timer; letters still work there', () => {
		for (const target of [on('BUTTON'), on('A'), on('SUMMARY'), on('DIV', { role: 'button' })]) {
			expect(shortcutFor(press(' '), target)).toBeUndefined();
			expect(shortcutFor(press('n'), target)).toBe('next');
		}
	});
});

describe('when a shortcut does nothing, and why', () => {
	const ready: ShortcutContext = {
		joined: true,
		agreed: true,
		canControl: true,
		watching: false,
		roomPaused: false,
		live: true
	};

	test('everything goes in a live room after the agreements', () => {
		for (const { action } of SHORTCUTS) expect(shortcutRefusal(action, ready)).toBeUndefined();
	});

	test('the help opens always', () => {
		expect(shortcutRefusal('help', { ...ready, joined: false, live: false })).toBeUndefined();
	});

	test('nothing before joining or before the agreements, as the server would refuse it', () => {
		expect(shortcutRefusal('next', { ...ready, joined: false })).toBe('Join the room first.');
		expect(shortcutRefusal('hand', { ...ready, agreed: false })).toBe(
			'Confirm the room’s agreements first.'
		);
	});

	test('the host’s lock and a room paused for everyone stop the timer and phases, not hands', () => {
		const locked = { ...ready, canControl: false };
		for (const action of ['timer', 'next', 'previous', 'minute'] as const) {
			expect(shortcutRefusal(action, locked)).toBe(
				'The host has locked the phase and timer controls.'
			);
			expect(shortcutRefusal(action, { ...ready, roomPaused: true })).toMatch(/paused/);
		}
		expect(shortcutRefusal('hand', locked)).toBeUndefined();
		expect(shortcutRefusal('hand', { ...ready, roomPaused: true })).toBeUndefined();
	});

	test('someone watching a room on turns is told the controls are the place-holders’ (A35)', () => {
		const watching = { ...ready, canControl: false, watching: true };
		for (const action of ['timer', 'next', 'previous', 'minute'] as const) {
			expect(shortcutRefusal(action, watching)).toBe(
				'You are watching: this room’s places are taken, so its controls are for those holding ' +
					'them. They come back to you while someone holding a place is away.'
			);
		}
		expect(shortcutRefusal('hand', watching)).toBeUndefined();
	});

	test('cut off, keys do what their buttons do: the timer waits, moves and hands are kept (S21)', () => {
		expect(shortcutRefusal('timer', { ...ready, live: false })).toMatch(/^The timer waits/);
		expect(shortcutRefusal('minute', { ...ready, live: false })).toMatch(/^The timer waits/);
		expect(shortcutRefusal('hand', { ...ready, live: false })).toBeUndefined();
		expect(shortcutRefusal('next', { ...ready, live: false })).toBeUndefined();
	});
});

test('a button names its shortcut for assistive technology and for the key handler', () => {
	expect(shortcutAttributes('next', true)).toEqual({
		'data-shortcut': 'next',
		'aria-keyshortcuts': 'N'
	});
	expect(shortcutAttributes('timer', true)).toEqual({
		'data-shortcut': 'timer',
		'aria-keyshortcuts': 'Space'
	});
});

test('a button announces no key while this browser has the shortcuts turned off (WCAG 2.1.4)', () => {
	for (const { action } of SHORTCUTS) {
		expect(shortcutAttributes(action, false)).toEqual({
			'data-shortcut': action,
			'aria-keyshortcuts': undefined
		});
	}
});

test('the help names N and P as their buttons read on this step, Start round 2 → where Next starts one', () => {
	// An opening, a phase played in two rounds, a closing: steps 0, 1–2 (rounds 1, 2), 3.
	const steps = planSteps({ phases: [{}, { repeatsPerRound: true }, {}], rounds: 2 });
	const helpOn = (step: number) =>
		SHORTCUTS.map((shortcut) => shortcut.label(helpMoveWords(steps, step)));
	expect(helpOn(0)).toEqual([
		'Start, pause or resume the timer',
		'Next phase →',
		'There is no previous phase: this is the first one.',
		'One more minute',
		'Raise or lower your hand',
		'Show these shortcuts'
	]);
	expect(helpOn(1).slice(1, 3)).toEqual(['Start round 2 →', '← Previous']);
	// The last step has no Next button: the help says so, as pressing N does.
	expect(helpOn(3).slice(1, 3)).toEqual([
		'There is no next phase: this is the last one.',
		'← Previous'
	]);
});
