import { describe, expect, test } from 'vitest';
import {
	planConversation,
	readSchedule,
	REFLECT_AFTER_MS,
	scheduleProblem,
	scheduleWindow
} from './schedule';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 30);
const HOUR = 3_600_000;
const ADA = 'ada-participant';
const BEN = 'ben-participant';

const plan = (title: string, startsAt: number) => ({
	title,
	startsAt,
	reflectAt: startsAt + REFLECT_AFTER_MS
});

describe('reading the schedule', () => {
	test('lists every plan soonest first', () => {
		expect(
			readSchedule([
				[ADA, plan('Talk to Sam', NOW + 5 * HOUR)],
				[BEN, plan('Talk to Jo', NOW + HOUR)]
			])
		).toEqual([
			{ participantId: BEN, plan: plan('Talk to Jo', NOW + HOUR) },
			{ participantId: ADA, plan: plan('Talk to Sam', NOW + 5 * HOUR) }
		]);
	});

	test('skips entries that do not parse instead of breaking the list', () => {
		expect(
			readSchedule([
				[ADA, { title: 'No times' }],
				[BEN, 'Friday at ten'],
				['not an id!', plan('Bad key', NOW + HOUR)],
				['carl-participant', plan('x'.repeat(81), NOW + HOUR)],
				['eve-participant', plan('Beyond any calendar', 9e15)],
				['dana-participant', plan('Kept', NOW + HOUR)]
			]).map((entry) => entry.plan.title)
		).toEqual(['Kept']);
	});
});

describe('planning a conversation', () => {
	test('a title and a time in the window make a plan with the reflection a day later', () => {
		expect(planConversation({ title: '  Talk to Sam ', startsAt: NOW + HOUR }, NOW)).toEqual({
			ok: true,
			plan: plan('Talk to Sam', NOW + HOUR)
		});
	});

	test('every problem is named next to its field, in plain sentences', () => {
		expect(planConversation({ title: ' ', startsAt: Number.NaN }, NOW)).toEqual({
			ok: false,
			problems: {
				title: ['Give the conversation a title.'],
				startsAt: ['Choose a date and a time.']
			}
		});
		expect(planConversation({ title: 'x'.repeat(81), startsAt: NOW + 49 * HOUR }, NOW)).toEqual({
			ok: false,
			problems: {
				title: ['The title can be at most 80 characters.'],
				startsAt: ['Choose a time within the next 48 hours.']
			}
		});
		expect(planConversation({ title: 'Talk to Sam', startsAt: NOW - HOUR }, NOW)).toEqual({
			ok: false,
			problems: { title: [], startsAt: ['Choose a time that has not passed yet.'] }
		});
	});
});

describe('the window offered by the picker', () => {
	test('runs from the next whole minute to the last whole minute within 48 hours', () => {
		const { earliest, latest } = scheduleWindow(NOW);
		expect(earliest).toBe(Date.UTC(2026, 10, 22, 9, 1));
		expect(latest).toBe(Date.UTC(2026, 10, 24, 9, 0));
		expect(scheduleProblem(earliest, NOW)).toBeUndefined();
		expect(scheduleProblem(latest, NOW)).toBeUndefined();
		expect(scheduleProblem(latest + 60_000, NOW)).toBeDefined();
	});
});

describe('planning in the person’s language', () => {
	test('words the problems in German and Spanish', () => {
		expect(planConversation({ title: ' ', startsAt: Number.NaN }, NOW, 'de')).toEqual({
			ok: false,
			problems: {
				title: ['Gib dem Gespräch einen Titel.'],
				startsAt: ['Wähle ein Datum und eine Uhrzeit.']
			}
		});
		expect(planConversation({ title: 'x'.repeat(81), startsAt: NOW - 1 }, NOW, 'es')).toEqual({
			ok: false,
			problems: {
				title: ['El título puede tener como máximo 80 caracteres.'],
				startsAt: ['Elige una hora que aún no haya pasado.']
			}
		});
	});
});

describe('when the real conversation may be planned', () => {
	test('within the next 48 hours, not in the past', () => {
		expect(scheduleProblem(NOW + HOUR, NOW)).toBeUndefined();
		expect(scheduleProblem(NOW + 48 * HOUR, NOW)).toBeUndefined();
		expect(scheduleProblem(NOW + 48 * HOUR + 1, NOW)).toBe(
			'Choose a time within the next 48 hours.'
		);
		expect(scheduleProblem(NOW - 1, NOW)).toBe('Choose a time that has not passed yet.');
		expect(scheduleProblem(Number.NaN, NOW)).toBe('Choose a date and a time.');
	});

	test('says what is wrong in German and Spanish too', () => {
		expect(scheduleProblem(NOW - 1, NOW, 'de')).toBe('Wähle eine Zeit, die noch nicht vorbei ist.');
		expect(scheduleProblem(Number.NaN, NOW, 'es')).toBe('Elige una fecha y una hora.');
		expect(scheduleProblem(NOW + 49 * HOUR, NOW, 'es')).toBe(
			'Elige una hora dentro de las próximas 48 horas.'
		);
	});
});
