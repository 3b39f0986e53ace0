import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { roomContextMap } from '$lib/client/room-context';
import { ServerClock } from '$lib/client/server-clock.svelte';
import { activeListeningSprint } from '$lib/playbooks/built-in/active-listening-sprint';
import { playbookSchema } from '$lib/protocol/playbook';
import type { ToolStep } from './phase-tools';
import { control } from './room-controls.fixture';
import SilenceOverlay from './SilenceOverlay.svelte';

const playbook = playbookSchema.parse(activeListeningSprint);
const silence = playbook.phases.find((phase) => phase.tool === 'silence');
const clock = new ServerClock(() => Promise.resolve(Date.now()));
let screen: ReturnType<typeof mount> | undefined;

/** The silence screen after its timebox ran out, for someone whose moves are `locked` or not. */
async function showOver(locked: boolean) {
	if (!silence) throw new Error('the sprint has a silence');
	await clock.start();
	const step = { phase: silence, playbook, locked, moves: { go: () => {} } };
	screen = mount(SilenceOverlay, {
		target: document.body,
		// The screen reads only these of its step.
		props: { step: step as unknown as ToolStep },
		context: roomContextMap({
			control: control({ timer: { status: 'running', durationMs: 1_000, startedAt: 0 } }),
			roster: [],
			selfId: 'ana-0001',
			hosting: false,
			cutOff: false,
			kept: [],
			clock,
			command: () => Promise.resolve(true)
		})
	});
	flushSync();
}

const buttons = () => [...document.body.querySelectorAll('button')].map((b) => b.textContent);

afterEach(() => {
	if (screen) void unmount(screen);
	screen = undefined;
	clock.stop();
});

describe('the silence screen once the silence is over', () => {
	test('offers Next to someone whose moves the room takes', async () => {
		await showOver(false);
		expect(buttons()).toHaveLength(2);
	});

	test('[A35] offers no Next to someone whose moves are not theirs (locked, or watching)', async () => {
		await showOver(true);
		expect(buttons()).toHaveLength(1);
	});
});
