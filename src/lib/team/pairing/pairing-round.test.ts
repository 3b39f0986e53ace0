import { describe, expect, test } from 'vitest';
import { card } from '../../../../tests/support/pairing-pool';
import { MAX_KEPT_ROUNDS, type StoredCard, type StoredPairing } from '../../protocol/pairing';
import { pairingView, withFit, withNewRound, withRoom } from './pairing-round';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-01-12T08:00Z');
const stored = (name: string, over = {}): StoredCard => ({
	cardId: `card-${name}-000000000000`,
	card: card({ name, usualTeam: 'Billing', level: 'new', preferences: ['similar-level'], ...over }),
	avoid: ['card-zed-000000000000'],
	savedAt: 1
});
const empty: StoredPairing = { cadence: 'none', rounds: [] };
const playbooks = [
	{ id: 'feedback-that-lands', skills: ['feedback' as const], groupSize: { min: 2, max: 2 } },
	{ id: 'listening-circle', skills: ['listening' as const], groupSize: { min: 3, max: 6 } }
];

describe('rounds', () => {
	test('a new round pairs only cards opted in, and suggests a playbook the group can play', () => {
		const ana = stored('ana', { strengths: ['feedback'] });
		const ben = stored('ben', { stretchGoals: ['feedback'] });
		const out = stored('cy', { optedIn: false });
		const round = withNewRound(empty, [ana, ben, out], NOW, playbooks, 'hand').rounds[0];
		expect(round?.groups).toEqual([
			{ members: [ana.cardId, ben.cardId], fits: {}, playbookId: 'feedback-that-lands' }
		]);
		expect(round?.unpaired).toEqual([]);
	});

	test('[TP3] "not a good fit" outlives the kept rounds: pressing Make pairs many times never pairs them again', () => {
		const cards = [stored('ana'), stored('ben')];
		const first = withNewRound(empty, cards, NOW, playbooks, 'hand');
		let pairing = withFit(first, 'card-ana-000000000000', 'not-a-good-fit') ?? first;
		for (let n = 1; n <= MAX_KEPT_ROUNDS + 2; n++) {
			pairing = withNewRound(pairing, cards, NOW + n * DAY, playbooks, 'hand');
			expect(pairing.rounds.at(-1)?.groups, `round ${n + 1}`).toEqual([]);
		}
		expect(pairing.rounds).toHaveLength(MAX_KEPT_ROUNDS);
	});

	test('a fit answer and a room land on the member’s group of the latest round only', () => {
		const made = withNewRound(empty, [stored('ana'), stored('ben')], NOW, playbooks, 'hand');
		const answered = withFit(made, 'card-ana-000000000000', 'good-fit');
		expect(answered?.rounds[0]?.groups[0]?.fits).toEqual({ 'card-ana-000000000000': 'good-fit' });
		expect(withFit(made, 'card-cy-0000000000000', 'good-fit')).toBeUndefined();
		const roomed = withRoom(made, 0, 'R'.repeat(22));
		expect(withRoom(roomed, 0, 'S'.repeat(22)).rounds[0]?.groups[0]?.roomId).toBe('R'.repeat(22));
	});

	test('[TP2] the view carries no private list, team, level, preference or fit answer', () => {
		const made = withNewRound(empty, [stored('ana'), stored('ben')], NOW, playbooks, 'hand');
		const answered = withFit(made, 'card-ana-000000000000', 'not-a-good-fit');
		if (!answered) throw new Error('ana is in a group');
		const view = pairingView([stored('ana'), stored('ben')], answered);
		const text = JSON.stringify(view);
		for (const secret of ['card-zed', 'Billing', '"new"', 'similar-level', 'not-a-good-fit']) {
			expect(text).not.toContain(secret);
		}
		expect(view.round?.groups[0]?.ended).toBe(true);
	});
});
