import { describe, expect, test } from 'vitest';
import type { PairingView, PublicCard } from '../../protocol/pairing';
import { myPair, slotText } from './my-pair';

const base = {
	strengths: [],
	stretchGoals: [],
	hours: { days: [2, 3, 4], start: '14:00', end: '16:00' },
	energy: 'afternoons',
	optedIn: true
} satisfies Partial<PublicCard>;
const ana: PublicCard = {
	...base,
	cardId: 'card-ana-0000000000',
	name: 'Ana',
	strengths: ['feedback'],
	timeZone: 'Europe/Berlin',
	hours: { days: [2, 3, 4], start: '15:00', end: '18:00' }
};
const ben: PublicCard = {
	...base,
	cardId: 'card-ben-0000000000',
	name: 'Ben',
	stretchGoals: ['feedback'],
	timeZone: 'UTC'
};
const view: PairingView = {
	cadence: 'none',
	cards: [ana, ben],
	round: {
		round: 1,
		madeAt: Date.parse('2026-01-12T08:00Z'),
		unpaired: [],
		groups: [{ members: [ana.cardId, ben.cardId], ended: false, playbookId: 'feedback-that-lands' }]
	}
};

describe('my pair', () => {
	test('each sees the same pair, the reasons and the first slot in their own time', () => {
		const forBen = myPair(view, ben.cardId, 'UTC', 'en-GB');
		const forAna = myPair(view, ana.cardId, 'Europe/Berlin', 'en-GB');
		expect(forBen?.partners.map((p) => p.name)).toEqual(['Ana']);
		expect(forAna?.partners.map((p) => p.name)).toEqual(['Ben']);
		expect(forBen?.why).toBe(
			"Ana's strength giving feedback is your stretch goal; you overlap Tue–Thu 14:00–16:00 your time (15:00–17:00 for Ana); you both prefer afternoons."
		);
		expect(forAna?.slot?.mine).toBe('Tue 13 Jan, 15:00 (Europe/Berlin)');
		expect(forBen?.slot?.mine).toBe('Tue 13 Jan, 14:00 (UTC)');
		expect(forBen?.slot?.theirs).toEqual([
			{ name: 'Ana', when: 'Tue 13 Jan, 15:00 (Europe/Berlin)' }
		]);
	});

	test('writes the slot the way the reader’s language writes dates', () => {
		const slot = Date.parse('2026-01-13T14:00Z');
		expect(slotText(slot, 'Europe/Berlin', 'en')).toBe('Tue, Jan 13, 15:00 (Europe/Berlin)');
		expect(slotText(slot, 'Europe/Berlin', 'de')).toBe('Di., 13. Jan., 15:00 (Europe/Berlin)');
		expect(slotText(slot, 'UTC', 'es')).toBe('mar, 13 ene, 14:00 (UTC)');
	});

	test('a round made during a shared stretch names that weekday among the usual days', () => {
		// Tuesday 13 January, 14:30 UTC: half an hour into Tuesday's shared 14:00–16:00.
		const during = { ...view, round: { ...view.round!, madeAt: Date.parse('2026-01-13T14:30Z') } };
		expect(myPair(during, ben.cardId, 'UTC', 'en-GB')?.why).toContain(
			'you overlap Tue–Thu 14:00–16:00 your time (15:00–17:00 for Ana)'
		);
	});

	test('someone in no group of the round has no pair', () => {
		expect(myPair(view, 'card-cy-00000000000', 'UTC', 'en')).toBeUndefined();
		expect(myPair({ ...view, round: undefined }, ben.cardId, 'UTC', 'en')).toBeUndefined();
	});
});
