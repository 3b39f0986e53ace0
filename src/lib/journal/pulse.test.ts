import { describe, expect, test } from 'vitest';
import { pulse as fixturePulse } from './journal.fixture';
import { utc } from './metrics.fixture';
import {
	PULSE_QUESTIONS,
	pulseMonth,
	pulseFormUnsaved,
	pulseOf,
	pulseQuestion,
	pulseTrend,
	writePulse
} from './pulse';

describe('the monthly pulse', () => {
	test('belongs to the month it is in the person’s time zone', () => {
		const newYearUtc = utc('2026-12-31T23:30');
		expect(pulseMonth(newYearUtc, 'UTC')).toBe('2026-12');
		expect(pulseMonth(newYearUtc, 'Europe/Berlin')).toBe('2027-01');
	});

	test('asks one open question a month, another the next month, all in turn', () => {
		const months = Array.from({ length: PULSE_QUESTIONS.length }, (_, i) =>
			pulseQuestion(`2026-${String(i + 1).padStart(2, '0')}`)
		);
		expect(new Set(months).size).toBe(PULSE_QUESTIONS.length);
		expect(pulseQuestion('2026-03')).toBe(pulseQuestion('2026-03'));
	});

	test('is written once a month: writing again updates it and keeps its question and start', () => {
		const first = writePulse({ month: '2026-03', text: ' Sam ', confidence: 3 }, 1_000, undefined);
		expect(first).toMatchObject({
			id: 'pulse:2026-03',
			answer: 'Sam',
			confidence: 3,
			question: pulseQuestion('2026-03'),
			createdAt: 1_000
		});
		const again = writePulse({ month: '2026-03', text: 'Jo', confidence: 4 }, 2_000, first);
		expect(again).toMatchObject({
			id: first.id,
			createdAt: 1_000,
			updatedAt: 2_000,
			confidence: 4
		});
		expect(pulseOf([again], '2026-03')).toEqual(again);
		expect(pulseOf([again], '2026-04')).toBeUndefined();
	});

	test('a form for a month without a pulse holds unsaved work once something is typed or chosen', () => {
		const blank = { editing: false, answer: '', confidence: undefined };
		expect(pulseFormUnsaved(blank, undefined)).toBe(false);
		expect(pulseFormUnsaved({ ...blank, answer: 'Sam' }, undefined)).toBe(true);
		expect(pulseFormUnsaved({ ...blank, confidence: 3 }, undefined)).toBe(true);
	});

	test('a written pulse is unsaved work only while being changed to something else', () => {
		const asWritten = { answer: fixturePulse.answer, confidence: fixturePulse.confidence };
		// Shown, not edited: what the hidden form last held (blank on opening) is no work.
		expect(
			pulseFormUnsaved({ editing: false, answer: '', confidence: undefined }, fixturePulse)
		).toBe(false);
		expect(pulseFormUnsaved({ editing: true, ...asWritten }, fixturePulse)).toBe(false);
		expect(pulseFormUnsaved({ editing: true, ...asWritten, answer: 'Jo' }, fixturePulse)).toBe(
			true
		);
		expect(pulseFormUnsaved({ editing: true, ...asWritten, confidence: 2 }, fixturePulse)).toBe(
			true
		);
	});

	test('its confidence joins the trend lines, oldest first', () => {
		const later = {
			...fixturePulse,
			id: 'pulse:2026-12',
			createdAt: utc('2026-12-02T09:00'),
			confidence: 5 as const
		};
		expect(pulseTrend([later, fixturePulse], 'UTC').map((p) => [p.date, p.value])).toEqual([
			['2026-11-23', 4],
			['2026-12-02', 5]
		]);
	});
});
