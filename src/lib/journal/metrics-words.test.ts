import { describe, expect, test } from 'vitest';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { formatAxisDay, formatDay } from './metrics-dates';
import { trendSentence, weeksSentence, type Counted } from './metrics-words';
import { rhythmWords } from './streaks';

const sessions: Counted = (count, locale) => m.practice_count_sessions({ count }, { locale });
const minutes: Counted = (count, locale) => m.practice_count_minutes({ count }, { locale });
const point = (date: string, value: number) => ({ at: Date.parse(date), date, value });
const busy = [
	{ week: '2026-03-02', value: 1 },
	{ week: '2026-03-09', value: 0 },
	{ week: '2026-03-16', value: 3 }
];

describe('charts in words', () => {
	test.each<[Locale, string]>([
		['en', '4 sessions in the last 3 weeks, in 2 weeks; the most, 3, in the week of Mar 16.'],
		[
			'de',
			'4 Sitzungen in den letzten 3 Wochen, in 2 Wochen; am meisten, 3, in der Woche vom 16. März.'
		],
		[
			'es',
			'4 sesiones en las últimas 3 semanas, en 2 semanas; el máximo, 3, en la semana del 16 mar.'
		]
	])('weeks in %s: total, weeks with some, the busiest', (locale, sentence) => {
		expect(weeksSentence(busy, sessions, locale)).toBe(sentence);
	});

	test.each<[Locale, string]>([
		['en', '1 session in the last 1 week, in 1 week; the most, 1, in the week of Mar 2.'],
		[
			'de',
			'1 Sitzung in der letzten 1 Woche, in 1 Woche; am meisten, 1, in der Woche vom 2. März.'
		],
		['es', '1 sesión en la última 1 semana, en 1 semana; el máximo, 1, en la semana del 2 mar.']
	])('a single one is counted in the singular in %s', (locale, sentence) => {
		expect(weeksSentence([{ week: '2026-03-02', value: 1 }], sessions, locale)).toBe(sentence);
	});

	test.each<[Locale, string]>([
		['en', 'None in the last 2 weeks yet.'],
		['de', 'Noch nichts in den letzten 2 Wochen.'],
		['es', 'Nada en las últimas 2 semanas todavía.']
	])('empty weeks say so kindly in %s', (locale, sentence) => {
		const quiet = [
			{ week: '2026-03-02', value: 0 },
			{ week: '2026-03-09', value: 0 }
		];
		expect(weeksSentence(quiet, minutes, locale)).toBe(sentence);
	});

	test.each<[Locale, string[]]>([
		[
			'en',
			[
				'2 ratings from Mar 3 to Mar 17: first 3, latest 4.5.',
				'1 rating: 3 on Mar 3.',
				'No ratings yet.'
			]
		],
		[
			'de',
			[
				'2 Bewertungen vom 3. März bis 17. März: zuerst 3, zuletzt 4.5.',
				'1 Bewertung: 3 am 3. März.',
				'Noch keine Bewertungen.'
			]
		],
		[
			'es',
			[
				'2 valoraciones del 3 mar al 17 mar: primero 3, último 4.5.',
				'1 valoración: 3 el 3 mar.',
				'Aún no hay valoraciones.'
			]
		]
	])('trend lines in %s: count, span, first and latest', (locale, sentences) => {
		expect([
			trendSentence([point('2026-03-03', 3), point('2026-03-17', 4.5)], 'ratings', locale),
			trendSentence([point('2026-03-03', 3)], 'ratings', locale),
			trendSentence([], 'ratings', locale)
		]).toEqual(sentences);
	});

	test('each kind of trend says what its points are', () => {
		expect(trendSentence([], 'confidence', 'de')).toBe('Noch keine Zuversichtswerte.');
		expect(trendSentence([point('2026-03-03', 2)], 'pulse', 'es')).toBe(
			'1 valoración del pulso: 2 el 3 mar.'
		);
	});
});

describe('days for people', () => {
	test.each<[Locale, string, string]>([
		['en', 'Mar 2', '3/2'],
		['de', '2. März', '2.3.'],
		['es', '2 mar', '2/3']
	])('in %s a day reads %s, on an axis %s', (locale, day, axis) => {
		expect(formatDay('2026-03-02', locale)).toBe(day);
		expect(formatAxisDay('2026-03-02', locale)).toBe(axis);
	});
});

describe('the rhythm in each language', () => {
	const rhythm = { activeWeeks: 5, window: 8, weeksPractised: 9, longestRun: 4, currentRun: 2 };

	test.each<[Locale, string[]]>([
		[
			'de',
			[
				'Du hast in 5 der letzten 8 Wochen geübt.',
				'2 Wochen am Stück, Tendenz steigend.',
				'Dein längster Rhythmus bisher: 4 Wochen am Stück.'
			]
		],
		[
			'es',
			[
				'Practicaste en 5 de las últimas 8 semanas.',
				'2 semanas seguidas, y sumando.',
				'Tu ritmo más largo hasta ahora: 4 semanas seguidas.'
			]
		]
	])('%s: weeks as plural messages', (locale, words) => {
		expect(rhythmWords(rhythm, locale)).toEqual(words);
	});
});
