import { expect, test } from 'vitest';
import { activeListeningSprint } from '../playbooks/built-in/active-listening-sprint';
import { playbookSchema } from '../protocol/playbook';
import { DEFAULT_WINDOW_HOURS } from '../room/async-start';
import { DEFAULT_TURN_WINDOW_MS } from '../room/async-schedule';
import { TurnWindowsChoice } from './turn-windows-choice.svelte';

const playbook = playbookSchema.parse(activeListeningSprint);
const defaults = Object.fromEntries(
	['story', 'paraphrase', 'rating', 'micro-adjustment'].map((id) => [id, DEFAULT_TURN_WINDOW_MS])
);

test('a room starts live until the starter ticks the box, then with the default windows', () => {
	const choice = new TurnWindowsChoice(() => playbook);
	expect(choice.turns).toBeUndefined();
	choice.across = true;
	expect(choice.turns).toEqual({ windowsMs: defaults });
});

test('typed hours become the windows; a wrong field makes the choice invalid and names itself', () => {
	const choice = new TurnWindowsChoice(() => playbook);
	choice.across = true;
	choice.type('story', '2');
	expect(choice.typed.story).toBe('2');
	expect(choice.turns).toEqual({ windowsMs: { ...defaults, story: 7_200_000 } });
	choice.type('paraphrase', '0.5');
	expect(choice.turns).toBe('invalid');
	expect(choice.isWrong('paraphrase')).toBe(true);
	expect(choice.isWrong('story')).toBe(false);
});

test('a library card’s link to #across-time-zones arrives with the box ticked; another fragment does not', () => {
	const choice = new TurnWindowsChoice(() => playbook);
	choice.openFor('#roles');
	expect(choice.across).toBe(false);
	choice.openFor('#across-time-zones');
	expect(choice.turns).toEqual({ windowsMs: defaults });
});

test('hours other than the default, with the box ticked, are unsaved work until the room starts', () => {
	const choice = new TurnWindowsChoice(() => playbook);
	choice.type('story', '2');
	// Unticked, the hours start no turns: nothing a reload would lose.
	expect(choice.unsaved).toBe(false);
	choice.across = true;
	expect(choice.unsaved).toBe(true);
	choice.type('story', `${DEFAULT_WINDOW_HOURS}`);
	expect(choice.unsaved).toBe(false);
});

test('a stored phase named constructor starts with the default hours, not a function', () => {
	const named = {
		...playbook,
		phases: playbook.phases.map((phase) =>
			phase.id === 'story' ? { ...phase, id: 'constructor' } : phase
		)
	};
	const choice = new TurnWindowsChoice(() => named);
	choice.across = true;
	expect(choice.typed['constructor']).toBe(`${DEFAULT_WINDOW_HOURS}`);
	expect(choice.unsaved).toBe(false);
});
