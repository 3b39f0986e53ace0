import { describe, expect, test } from 'vitest';
import { planSteps } from './steps';
import { moveLabel } from './move-labels';

/** An opening, two phases played in two rounds, a closing: steps 0, 1–4 (rounds 1, 2), 5. */
const steps = planSteps({
	phases: [{}, { repeatsPerRound: true }, { repeatsPerRound: true }, {}],
	rounds: 2
});

describe('moveLabel', () => {
	test('Next says when it starts a new round, and is Next phase otherwise', () => {
		expect(moveLabel(steps, 0, 'next')).toBe('Next phase →');
		expect(moveLabel(steps, 1, 'next')).toBe('Next phase →');
		expect(moveLabel(steps, 2, 'next')).toBe('Start round 2 →');
		expect(moveLabel(steps, 4, 'next')).toBe('Next phase →');
	});

	test('Previous and one more round read the same on every step', () => {
		expect(moveLabel(steps, 3, 'previous')).toBe('← Previous');
		expect(moveLabel(steps, 4, 'more')).toBe('One more round');
	});
});
