/**
 * Keyboard shortcuts of the room (issue 19.8). A shortcut presses the button it names, found by
 * its `data-shortcut` attribute, so it follows every rule the button follows (disabled, the
 * hold after a move, the host's lock); `shortcutRefusal` adds the rules a press of a key must
 * check first, and says why nothing happened. Pure: the browser part is `RoomShortcuts.svelte`.
 */

import { m } from '../paraglide/messages';
import type { Step } from '../room/steps';
import { moveLabel, type StepMove } from '../room/move-labels';
import { WAIT_REASONS } from './offline-actions';

export type ShortcutAction = 'timer' | 'next' | 'previous' | 'minute' | 'hand' | 'help';

export interface Shortcut {
	action: ShortcutAction;
	/** The keys as the help shows them. */
	keys: readonly string[];
	/** The `aria-keyshortcuts` value of the button it presses. */
	aria: string;
	/**
	 * What it does, as the help says it, in the person's language. N and P name their buttons as
	 * they read on this step (`wordsOf`, the buttons' own `moveLabel`), so the two cannot differ.
	 */
	label: (wordsOf: (move: StepMove) => string) => string;
}

/** Every shortcut, in the order the help lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
	{ action: 'timer', keys: ['Space'], aria: 'Space', label: () => m.room_shortcut_timer() },
	{ action: 'next', keys: ['N'], aria: 'N', label: (wordsOf) => wordsOf('next') },
	{ action: 'previous', keys: ['P'], aria: 'P', label: (wordsOf) => wordsOf('previous') },
	{ action: 'minute', keys: ['+', '='], aria: 'Shift+= =', label: () => m.room_shortcut_minute() },
	{ action: 'hand', keys: ['H'], aria: 'H', label: () => m.room_shortcut_hand() },
	{ action: 'help', keys: ['?'], aria: 'Shift+?', label: () => m.room_shortcut_help() }
];

const BY_KEY: ReadonlyMap<string, ShortcutAction> = new Map([
	[' ', 'timer'],
	['n', 'next'],
	['N', 'next'],
	['p', 'previous'],
	['P', 'previous'],
	['+', 'minute'],
	['=', 'minute'],
	['h', 'hand'],
	['H', 'hand'],
	['?', 'help']
]);

/**
 * Attributes for the button a shortcut presses: how the shortcut finds it, and, while this
 * browser uses the shortcuts (`on`), how assistive technology announces the key.
 */
export function shortcutAttributes(action: ShortcutAction, on: boolean) {
	const shortcut = SHORTCUTS.find((candidate) => candidate.action === action);
	return { 'data-shortcut': action, 'aria-keyshortcuts': on ? shortcut?.aria : undefined };
}

/** What of a key press decides whether it is a shortcut (a `KeyboardEvent` has all of it). */
export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	/** Held down: a held key presses once. */
	repeat: boolean;
	/** Part of an input method's composition (Japanese, Chinese…). */
	isComposing: boolean;
}

/** Where the key was pressed: the focused element, as far as shortcuts care. */
export interface KeyTarget {
	tagName: string;
	isContentEditable: boolean;
	role: string | null;
	/** Inside an open dialog, which has its own keys, or while a modal dialog makes the room inert. */
	inDialog: boolean;
}

/** Elements that take typed text: no letter there is a shortcut. */
const TYPING_TAGS: ReadonlySet<string> = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements that Space (and Enter) press by themselves: Space there is theirs. */
const PRESSABLE_TAGS: ReadonlySet<string> = new Set(['BUTTON', 'A', 'SUMMARY']);
const PRESSABLE_ROLES: ReadonlySet<string> = new Set([
	'button',
	'link',
	'checkbox',
	'radio',
	'switch',
	'tab',
	'menuitem',
	'option'
]);

/**
 * The shortcut a key press means, or undefined. None while typing (an input, a text area, a
 * select or anything editable), with Ctrl, Cmd or Alt held (the browser's and the system's
 * shortcuts), while composing, for a held key, or inside a dialog; and Space on a focused button
 * or link presses that button, not the timer.
 */
export function shortcutFor(press: KeyPress, target: KeyTarget): ShortcutAction | undefined {
	if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing || press.repeat) {
		return undefined;
	}
	if (target.inDialog || target.isContentEditable || TYPING_TAGS.has(target.tagName)) {
		return undefined;
	}
	const action = BY_KEY.get(press.key);
	const pressable =
		PRESSABLE_TAGS.has(target.tagName) ||
		(target.role !== null && PRESSABLE_ROLES.has(target.role));
	if (action === 'timer' && pressable) return undefined;
	return action;
}

/** What the room looks like to this person, for the rules a key press checks first. */
export interface ShortcutContext {
	joined: boolean;
	agreed: boolean;
	/** The phase and timer controls are this person's to use (not locked by the host, not watching). */
	canControl: boolean;
	/** This person watches a room on turns: its controls are the place-holders' (A35). */
	watching: boolean;
	roomPaused: boolean;
	/** Both connections to the room are up. */
	live: boolean;
}

/** Why nothing happens when the button a shortcut names is not there or not usable now. */
export const NOT_HERE: Readonly<Record<ShortcutAction, () => string>> = {
	timer: m.room_not_here_timer,
	next: m.room_not_here_next,
	previous: m.room_not_here_previous,
	minute: m.room_not_here_timer,
	hand: m.room_not_here_hand,
	help: () => ''
};

/**
 * How the help names N and P on step `step` of `steps`: as their buttons read there; where the
 * button is not there or not usable (Next on the last step, Previous on the first), as what
 * pressing the key says.
 */
export function helpMoveWords(steps: readonly Step[], step: number): (move: StepMove) => string {
	const last = steps.length > 0 && step === steps.length - 1;
	return (move) => {
		if (move === 'next' && last) return NOT_HERE.next();
		if (move === 'previous' && step === 0) return NOT_HERE.previous();
		return moveLabel(steps, step, move);
	};
}

/**
 * Why the shortcut `action` does nothing in `context`, or undefined when it may press its
 * button. The room's rules come first, as the server would answer them (protocol S12, S17),
 * then the connection: a command typed while cut off would only fail.
 */
export function shortcutRefusal(
	action: ShortcutAction,
	context: ShortcutContext
): string | undefined {
	if (action === 'help') return undefined;
	if (!context.joined) return m.room_shortcut_join_first();
	if (!context.agreed) return m.room_shortcut_agree_first();
	const controls = action !== 'hand';
	if (controls && context.roomPaused) return m.room_refusal_paused();
	if (controls && context.watching) return m.async_refusal_watching();
	if (controls && !context.canControl) return m.room_refusal_controls_locked();
	// Cut off, a key does what its button does: moves and hands are kept for the return (S21),
	// the timer waits, with the same reason the timer shows.
	if (!context.live && (action === 'timer' || action === 'minute')) return WAIT_REASONS.timer();
	return undefined;
}
