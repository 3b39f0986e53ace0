import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { inLocale } from '../../../../tests/support/in-locale';
import { card } from '../../../../tests/support/pairing-pool';
import { pairingIcs } from './pairing-ics';
import { firstSlot, sharedGrowth, suggestPlaybook } from './pair-plan';
import { dayRanges, rationale } from './rationale';
import { intersect, workingIntervals, type Hours } from './working-hours';

const WEEK = Date.parse('2026-01-12T00:00Z');
const ana = {
	cardId: 'card-ana-0000000000',
	card: card({
		name: 'Ana',
		strengths: ['feedback'],
		timeZone: 'Europe/Berlin',
		hours: { days: [2, 3, 4], start: '15:00', end: '18:00' },
		energy: 'afternoons'
	})
};
const ben = {
	cardId: 'card-ben-0000000000',
	card: card({
		name: 'Ben',
		stretchGoals: ['feedback'],
		timeZone: 'UTC',
		hours: { days: [1, 2, 3, 4, 5], start: '14:00', end: '16:00' },
		energy: 'afternoons'
	})
};
const overlap = intersect(
	workingIntervals(ana.card.hours, ana.card.timeZone, WEEK),
	workingIntervals(ben.card.hours, ben.card.timeZone, WEEK)
);

describe('the rationale', () => {
	test('tells Ben, in his own time, why he meets Ana', () => {
		expect(rationale(ben, [ana], overlap)).toBe(
			"Ana's strength giving feedback is your stretch goal; you overlap Tue–Thu 14:00–16:00 your time (15:00–17:00 for Ana); you both prefer afternoons."
		);
	});

	test('tells Ana the same in her time', () => {
		expect(rationale(ana, [ben], overlap)).toBe(
			"Your strength giving feedback is Ben's stretch goal; you overlap Tue–Thu 15:00–17:00 your time (14:00–16:00 for Ben); you both prefer afternoons."
		);
	});

	test('tells them in German and Spanish, with the days as those languages shorten them', () => {
		expect(inLocale('de', () => rationale(ben, [ana], overlap))).toBe(
			'Die Stärke von Ana, Feedback geben, ist dein Wachstumsziel; ihr überschneidet euch Di–Do 14:00–16:00 in deiner Zeitzone (15:00–17:00 für Ana); ihr mögt beide lieber Nachmittage.'
		);
		expect(inLocale('es', () => rationale(ana, [ben], overlap))).toBe(
			'Tu punto fuerte, dar feedback, es la meta de crecimiento de Ben; coinciden mar–jue 15:00–17:00 en tu hora (14:00–16:00 para Ben); los dos prefieren las tardes.'
		);
	});

	test('names a partner’s own days when their clock puts the stretch on other days', () => {
		// Los Angeles Monday 09:00 is Auckland Tuesday 06:00 (UTC−8 and UTC+13 in January).
		const kiri = {
			cardId: 'card-kiri-000000000',
			card: card({
				name: 'Kiri',
				timeZone: 'Pacific/Auckland',
				hours: { days: [1, 2, 3, 4, 5], start: '06:00', end: '14:00' }
			})
		};
		const ben = {
			cardId: 'card-ben-0000000000',
			card: card({
				name: 'Ben',
				timeZone: 'America/Los_Angeles',
				hours: { days: [1, 2, 3, 4], start: '09:00', end: '16:00' }
			})
		};
		const apart = intersect(
			workingIntervals(kiri.card.hours, kiri.card.timeZone, WEEK),
			workingIntervals(ben.card.hours, ben.card.timeZone, WEEK)
		);
		expect(rationale(kiri, [ben], apart)).toBe(
			'You overlap Tue–Fri 06:00–13:00 your time (Mon–Thu 09:00–16:00 for Ben).'
		);
		expect(rationale(ben, [kiri], apart)).toBe(
			'You overlap Mon–Thu 09:00–16:00 your time (Tue–Fri 06:00–13:00 for Kiri).'
		);
		expect(inLocale('de', () => rationale(kiri, [ben], apart))).toBe(
			'Ihr überschneidet euch Di–Fr 06:00–13:00 in deiner Zeitzone (Mo–Do 09:00–16:00 für Ben).'
		);
		expect(inLocale('es', () => rationale(kiri, [ben], apart))).toBe(
			'Coinciden mar–vie 06:00–13:00 en tu hora (lun–jue 09:00–16:00 para Ben).'
		);
	});

	test('names days as ranges only for three in a row or more', () => {
		expect(dayRanges([2, 3, 4])).toBe('Tue–Thu');
		expect(dayRanges([1, 3])).toBe('Mon, Wed');
		expect(dayRanges([1, 2, 3, 5])).toBe('Mon–Wed, Fri');
		expect(dayRanges([6, 7])).toBe('Sat, Sun');
	});

	test('suggests a playbook for a stretch goal someone in the pair has as a strength', () => {
		const growth = sharedGrowth([ana, ben]);
		expect(growth).toEqual(['feedback']);
		const playbooks = [
			{ id: 'listening-circle', skills: ['listening' as const] },
			{ id: 'feedback-that-lands', skills: ['feedback' as const] }
		];
		expect(suggestPlaybook(growth, playbooks)?.id).toBe('feedback-that-lands');
	});
});

/** The one event of a calendar file, parsed back. */
function eventOf(text: string) {
	const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
	if (!vevent) throw new Error('no event in the calendar file');
	return { vevent, event: new ICAL.Event(vevent) };
}

describe('the first slot and its calendar file', () => {
	const hoursOf = ({ card }: typeof ana): Hours => ({ hours: card.hours, zone: card.timeZone });
	const people: [Hours, Hours] = [hoursOf(ana), hoursOf(ben)];
	const slotAt = (iso: string) => ({ start: Date.parse(iso), end: Date.parse(iso) + 30 * 60_000 });

	test('is the first half hour of the first shared stretch that begins a day or more after the pairs were made', () => {
		// Monday 08:00 UTC: Tuesday's 14:00–16:00 begins 30 hours later.
		expect(firstSlot(people, Date.parse('2026-01-12T08:00Z'))).toEqual(slotAt('2026-01-13T14:00Z'));
	});

	test('made during a shared stretch, it begins where a later stretch begins, never at the minute the pairs were made', () => {
		// Tuesday 14:47 UTC, inside Tuesday's 14:00–16:00. Wednesday's stretch begins 23 hours
		// on, less than a day: Thursday's is the first.
		expect(firstSlot(people, Date.parse('2026-01-13T14:47Z'))).toEqual(slotAt('2026-01-15T14:00Z'));
		expect(firstSlot(people, Date.parse('2026-01-13T15:00Z'))).toEqual(slotAt('2026-01-15T14:00Z'));
	});

	test('made during the only shared stretch of the week, it is that stretch a week on', () => {
		const [berlin, utc] = people;
		const tuesdaysOnly: [Hours, Hours] = [berlin, { ...utc, hours: { ...utc.hours, days: [2] } }];
		// Tuesday 14:10 UTC: the week from here holds only ten more minutes of Tuesday.
		expect(firstSlot(tuesdaysOnly, Date.parse('2026-01-13T14:10Z'))).toEqual(
			slotAt('2026-01-20T14:00Z')
		);
		expect(firstSlot(tuesdaysOnly, Date.parse('2026-01-13T15:45Z'))).toEqual(
			slotAt('2026-01-20T14:00Z')
		);
	});

	test('when clocks change leave no stretch a day or more on in nine days, it is the first still to begin', () => {
		// New York moves its clocks on 14 March 2027, Berlin on the 28th: their half hour at 14:00
		// UTC ends with Friday 12 March's, and comes back (at 13:00 UTC) only on the 29th.
		const berlin: Hours = {
			hours: { days: [1, 2, 3, 4, 5], start: '15:00', end: '15:30' },
			zone: 'Europe/Berlin'
		};
		const newYork: Hours = {
			hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '10:00' },
			zone: 'America/New_York'
		};
		expect(firstSlot([berlin, newYork], Date.parse('2027-03-12T10:00Z'))).toEqual(
			slotAt('2027-03-12T14:00Z')
		);
	});

	test('the .ics parses back with the slot and the room link', () => {
		const slot = { start: Date.parse('2026-01-14T14:00Z'), end: Date.parse('2026-01-14T14:30Z') };
		const roomUrl = 'https://practice.example/r/AAAAAAAAAAAAAAAAAAAAAA';
		const text = pairingIcs({
			slot,
			names: ['Ana', 'Ben'],
			roomUrl,
			playbookTitle: 'Feedback that lands',
			group: 'pair-1',
			stamp: Date.parse('2026-01-12T08:00Z')
		});
		const { vevent, event } = eventOf(text);
		expect(event.summary).toBe('Practice pair: Ana and Ben');
		expect(event.startDate.toJSDate().getTime()).toBe(slot.start);
		expect(event.endDate.toJSDate().getTime()).toBe(slot.end);
		expect(event.location).toBe(roomUrl);
		expect(event.description).toContain(roomUrl);
		expect(vevent.getFirstPropertyValue('url')).toBe(roomUrl);
	});

	test('the .ics is stamped with the time it is given, never the clock, so one slot makes one file', () => {
		const made = Date.parse('2026-01-12T08:00Z');
		const text = pairingIcs({
			slot: { start: Date.parse('2026-01-14T14:00Z'), end: Date.parse('2026-01-14T14:30Z') },
			names: ['Ana', 'Ben'],
			roomUrl: 'https://practice.example/r/AAAAAAAAAAAAAAAAAAAAAA',
			group: 'pair-1',
			stamp: made
		});
		const stamp = eventOf(text).vevent.getFirstPropertyValue('dtstamp');
		if (!(stamp instanceof ICAL.Time)) throw new Error('no DTSTAMP in the calendar file');
		expect(stamp.toJSDate().getTime()).toBe(made);
	});

	test('[TP5] a slot moved by a partner’s changed hours is a new event; the same slot is the same one', () => {
		const uidOf = (start: string) =>
			eventOf(
				pairingIcs({
					slot: slotAt(start),
					names: ['Ana', 'Ben'],
					roomUrl: 'https://practice.example/r/AAAAAAAAAAAAAAAAAAAAAA',
					group: 'pair-1-0-team',
					stamp: Date.parse('2026-01-12T08:00Z')
				})
			).event.uid;
		expect(uidOf('2026-01-14T14:00Z')).toBe('pair-1-0-team-20260114T140000Z@practice-room');
		expect(uidOf('2026-01-14T14:00Z')).toBe(uidOf('2026-01-14T14:00Z'));
		expect(uidOf('2026-01-15T09:30Z')).not.toBe(uidOf('2026-01-14T14:00Z'));
	});

	test('the .ics speaks the downloader’s language', () => {
		const text = inLocale('de', () =>
			pairingIcs({
				slot: { start: 0, end: 1_800_000 },
				names: ['Ana', 'Ben', 'Cy'],
				roomUrl: 'https://practice.example/r/AAAAAAAAAAAAAAAAAAAAAA',
				playbookTitle: 'Feedback, das ankommt',
				group: 'pair-2',
				stamp: 0
			})
		);
		const { event } = eventOf(text);
		expect(event.summary).toBe('Übungs-Tandem: Ana, Ben und Cy');
		expect(event.description).toBe(
			'Vorgeschlagenes Playbook: Feedback, das ankommt\nUnser Raum: https://practice.example/r/AAAAAAAAAAAAAAAAAAAAAA'
		);
	});
});
