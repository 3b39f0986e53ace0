import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { activeListeningSprint } from '$lib/playbooks/built-in/active-listening-sprint';
import type { ControlState } from '$lib/protocol/control';
import { playbookSchema } from '$lib/protocol/playbook';
import { claimHost } from '$lib/room/room-rules';
import { goLive, startTurns } from '$lib/room/async-schedule';
import AsyncTurns from './AsyncTurns.svelte';
import { control, person, roomContext } from './room-controls.fixture';

const playbook = playbookSchema.parse(activeListeningSprint);
const [ana, ben, anasPhone] = [person('Ana'), person('Ben'), person('Ana on her phone')];
const people = {
	[ana.participantId]: { name: 'Ana', roleId: 'speaker' },
	[ben.participantId]: { name: 'Ben', roleId: 'listener' },
	[anasPhone.participantId]: { name: 'Ana', roleId: 'speaker' }
};
const agreed = [ana.participantId, ben.participantId];
const started = startTurns(control({ people, agreed }), playbook, {}, Date.UTC(2026, 0, 5, 9));
if (!started.ok) throw new Error(started.error.message);
const onTurns = started.state;

const show = (state: ControlState, selfId: string, roster = [ana, ben]) =>
	render(AsyncTurns, {
		props: { playbook, roomId: 'room-1' },
		context: roomContext(state, selfId, roster)
	}).body;

describe('the turns card', () => {
	test('[A4] the taker sees it is their turn and can say they took it', () => {
		const html = show(onTurns, ana.participantId);
		expect(html).toContain('Your turn: Tell the story');
		expect(html).toContain('I’ve taken my turn');
		expect(html).toMatch(/<time datetime="2026-01-06T09:00:00.000Z"/);
	});

	test('the other sees whom the room waits for, and no turn button', () => {
		const html = show(onTurns, ben.participantId);
		expect(html).toContain('Waiting for Ana to take their turn.');
		expect(html).not.toContain('I’ve taken my turn');
	});

	test('[A33] someone who confirmed after the places were taken is told they watch', () => {
		const watching = { ...onTurns, agreed: [...agreed, anasPhone.participantId] };
		const html = show(watching, anasPhone.participantId, [ana, ben, anasPhone]);
		expect(html).toContain('You are watching: this room’s places are taken');
		expect(html).toContain('Waiting for Ana to take their turn.');
		expect(html).not.toContain('I’ve taken my turn');
		expect(show(watching, ben.participantId)).not.toContain('You are watching');
	});

	test('[A35] someone watching sees the deadline but is offered neither extension nor going live', () => {
		const watching = { ...onTurns, agreed: [...agreed, anasPhone.participantId] };
		const html = show(watching, anasPhone.participantId, [ana, ben, anasPhone]);
		expect(html).toMatch(/<time datetime="2026-01-06T09:00:00.000Z"/);
		expect(html).not.toContain('Give everyone one more window');
		expect(html).not.toContain('go live');
	});

	test('[A8] [A35] Ana’s phone beside Ana and Ben is not offered going live; standing in, it is', () => {
		const watching = { ...onTurns, agreed: [...agreed, anasPhone.participantId] };
		expect(show(watching, anasPhone.participantId, [ana, ben, anasPhone])).not.toContain('go live');
		expect(show(watching, ana.participantId, [ana, ben, anasPhone])).toContain('go live');
		// Ana's old identity gone, the phone stands in for her place.
		expect(show(watching, anasPhone.participantId, [ben, anasPhone])).toContain('go live');
	});

	test('[A7] with a host, only the host is offered the extension', () => {
		const hosted = claimHost(onTurns, ana.participantId);
		expect(show(hosted, ana.participantId)).toContain('Give everyone one more window');
		expect(show(hosted, ben.participantId)).not.toContain('Give everyone one more window');
		expect(show(onTurns, ben.participantId)).toContain('Give everyone one more window');
	});

	test('[A8] going live is offered when two are here, and going back once live', () => {
		expect(show(onTurns, ana.participantId)).toContain('We’re both here: go live');
		expect(show(onTurns, ana.participantId, [ana])).not.toContain('go live');
		const live = goLive(onTurns, playbook, [ana.participantId, ben.participantId]);
		if (!live.ok) throw new Error(live.error.message);
		expect(show(live.state, ana.participantId)).toContain('Back to turns across time zones');
	});

	test('[A31] paused for everyone, the card says the deadline waits and offers no schedule moves', () => {
		const paused = { ...onTurns, pause: { at: Date.UTC(2026, 0, 5, 21), timerWasRunning: false } };
		const html = show(paused, ana.participantId);
		expect(html).toContain('the deadline waits too. 12 hours left once someone resumes.');
		expect(html).not.toContain('<time');
		expect(html).not.toContain('Give everyone one more window');
		expect(html).not.toContain('go live');
		expect(html).not.toContain('I’ve taken my turn');
	});

	test('a live room that never ran as turns shows no card', () => {
		expect(show(control({ people }), ana.participantId)).not.toContain('<section');
	});
});
