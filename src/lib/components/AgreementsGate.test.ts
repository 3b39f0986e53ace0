import { render } from 'svelte/server';
import { expect, test } from 'vitest';
import { controlStateSchema } from '$lib/protocol/control';
import type { Participant } from '$lib/protocol/presence';
import AgreementsGate from './AgreementsGate.svelte';
import { roomContext } from './room-controls.fixture';

const ana: Participant = {
	participantId: 'ana-0001',
	name: 'Ana',
	roleId: 'listener',
	status: 'connected',
	seenAt: 0
};

test('who confirmed is plain text here: the agreements card announces it, once', () => {
	const { body } = render(AgreementsGate, {
		props: { agreements: ['What is said here stays here.'], nextHeading: 'phase-title' },
		context: roomContext(
			controlStateSchema.parse({
				step: 0,
				timer: { status: 'idle', durationMs: 60_000 },
				agreed: ['ana-0001']
			}),
			'ben-0001',
			[ana, { ...ana, participantId: 'ben-0001', name: 'Ben' }]
		)
	});
	const line = body.match(/<p[^>]*>\s*Confirmed so far: Ana\s*<\/p>/)?.[0];
	expect(line).toBeDefined();
	expect(line).not.toContain('role=');
});
