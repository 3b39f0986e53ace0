import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { offlinePolicy, type QueuedAction } from '$lib/client/offline-actions';
import { StepMoves } from '$lib/client/step-moves.svelte';
import { activeListeningSprint } from '$lib/playbooks/built-in/active-listening-sprint';
import type { ControlCommand } from '$lib/protocol/control';
import { playbookSchema, type Playbook } from '$lib/protocol/playbook';
import { castInRound } from '$lib/room/rotation';
import PhasePanel from './PhasePanel.svelte';

/** Two rounds: step 4 (the rating) ends round 1, step 8 ends round 2, the last. */
const sprint = playbookSchema.parse(activeListeningSprint);
const SELF = 'ben-0001';

let panel: ReturnType<typeof mount> | undefined;
let stopMoves: (() => void) | undefined;

/** The phase card on `step`, with `command` pressed there while cut off and kept. */
function showKept(step: number, command: ControlCommand) {
	const policy = offlinePolicy(command, SELF);
	if (policy.type !== 'queue') throw new Error(`${command.type} is not kept`);
	show(step, { kept: { command, ...policy, seenStep: step } });
}

/** The phase card on `step` of `playbook` (the sprint unless named), seen as a listener. */
function show(
	step: number,
	{
		kept,
		playbook = sprint,
		joinedRoleId = 'listener',
		watching = false
	}: { kept?: QueuedAction; playbook?: Playbook; joinedRoleId?: string; watching?: boolean }
) {
	let moves: StepMoves | undefined;
	stopMoves = $effect.root(() => {
		moves = new StepMoves(
			() => ({ step, movedBy: null, phaseTitle: '', selfId: SELF }),
			() => undefined,
			() => {}
		);
	});
	if (!moves) throw new Error('the moves were not made');
	panel = mount(PhasePanel, {
		target: document.body,
		props: {
			playbook,
			step,
			joinedRoleId,
			selfId: SELF,
			cast: castInRound(
				playbook,
				[{ participantId: SELF, name: 'Ben', roleId: joinedRoleId, present: true }],
				1
			),
			summaryHref: '/summary',
			locked: watching,
			watching,
			moves,
			kept,
			onmore: () => {}
		}
	});
	flushSync();
}

afterEach(() => {
	if (panel) void unmount(panel);
	panel = undefined;
	stopMoves?.();
	stopMoves = undefined;
});

describe('the phase card’s kept note (S21)', () => {
	test.each([
		['Next, where it starts a round', 4, { type: 'step.goto', target: 5, from: 4 }],
		['Next, within a round', 2, { type: 'step.goto', target: 3, from: 2 }],
		['Previous', 4, { type: 'step.goto', target: 3, from: 4 }],
		['one more round', 8, { type: 'round.more', rounds: 3, step: 8 }]
	] satisfies [string, number, ControlCommand][])(
		'names %s as the button pressed reads, and describes that button',
		(_, step, command) => {
			showKept(step, command);
			const pressed = document.querySelector<HTMLElement>('button[data-kept]');
			const note = document.querySelector<HTMLElement>('[data-kept-note]');
			expect(note?.textContent.trim()).toBe(
				`${pressed?.textContent.trim()} — kept, sends when you are back.`
			);
			expect(pressed?.getAttribute('aria-describedby')?.split(' ')).toContain(note?.id);
		}
	);

	test('names a Next that starts a round by the round, as its button does', () => {
		showKept(4, { type: 'step.goto', target: 5, from: 4 });
		expect(document.querySelector('[data-kept-note]')?.textContent.trim()).toBe(
			'Start round 2 → — kept, sends when you are back.'
		);
	});
});

describe('a stored playbook with a role named constructor', () => {
	/**
	 * The sprint read leniently from storage with `roleId` renamed `constructor`, and no
	 * instruction for it in the first phase, where a plain lookup finds Object.prototype's.
	 */
	function storedWith(roleId: string): Playbook {
		const named = JSON.parse(JSON.stringify(sprint).replaceAll(`"${roleId}"`, '"constructor"'));
		const stored = playbookSchema.parse(named);
		delete stored.phases[0]!.instructions['constructor'];
		return stored;
	}

	test('the card of the person in it shows the role’s brief, not a function', () => {
		// Alone in the room, Ben is cast as the speaker.
		const stored = storedWith('speaker');
		show(0, { playbook: stored, joinedRoleId: 'constructor' });
		const mine = document.querySelector('.mine')?.textContent ?? '';
		expect(mine).toContain(stored.roles.find((role) => role.id === 'constructor')!.brief);
		expect(mine).not.toContain('function');
	});

	test('the others’ roles offer no instruction the phase does not have', () => {
		// Ben joined as the speaker, so the listener's role, now constructor, is someone else's.
		show(0, { playbook: storedWith('listener'), joinedRoleId: 'speaker' });
		expect(document.querySelector('details')).toBeNull();
	});
});

describe('[A35] the phase card of someone watching a room on turns', () => {
	test('shows the moves without offering them, and says who moves the room', () => {
		show(2, { watching: true });
		const note = document.querySelector<HTMLElement>('.locked');
		expect(note?.textContent.trim()).toBe(
			'Those holding a place move the room on; otherwise it moves on at the deadline.'
		);
		const moves = [...document.querySelectorAll<HTMLButtonElement>('.moves button')];
		expect(moves.length).toBeGreaterThan(0);
		for (const button of moves) expect(button.disabled).toBe(true);
	});
});
