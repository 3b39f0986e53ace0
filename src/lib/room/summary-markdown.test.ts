import { describe, expect, test } from 'vitest';
import { momentFormat } from '../client/local-time';
import type { SessionSummary } from './summary';
import { emptySummary, T0 } from './summary.fixture';
import { escapeMarkdown, formatSpent, sealedNote, summaryMarkdown } from './summary-markdown';

const MINUTE = 60_000;
const isoTime = (ms: number) => new Date(ms).toISOString();

const full: SessionSummary = {
	...emptySummary,
	roomUrl: 'https://example.test/r/abc',
	participants: [
		{ name: 'Ana', roleName: 'Speaker' },
		{ name: 'Ben', roleName: 'Listener' }
	],
	timePerPhase: [
		{ label: 'Settle in', ms: 2 * MINUTE },
		{ label: 'Story, round 1', ms: 5 * MINUTE + 30_000 }
	],
	totalMs: 7 * MINUTE + 30_000,
	ratings: [
		{
			round: 1,
			revealed: [{ name: 'Ana', roleName: 'Speaker', value: 4, label: 'Mostly' }],
			sealed: 1
		}
	],
	starredPhrases: [{ round: 1, roleName: 'Speaker', text: 'I hear you.' }],
	shifts: [{ round: 1, roleName: 'Listener', shift: 'defensive → open', text: 'Fine.' }],
	sentences: [{ round: 1, sentences: ['What matters most?', 'Say more.'] }],
	feedbackMessages: [{ round: 1, message: 'Can I share something? The report came late.' }],
	paraphrases: [{ round: 1, parts: [{ label: 'Feelings', text: 'worried' }] }],
	landedPhrases: [{ round: 1, take: 2, note: 'Feelings, second take', text: 'Stung *again*.' }],
	voiceClips: [{ round: 1, clips: ['Ana’s story: voice clip, 1:12'] }],
	observations: [{ name: 'Cy', text: 'Ben paused before answering.' }],
	commitments: [
		{ name: 'Ana', what: 'Pause before advising', when: 'Monday', withWhom: 'Sam' },
		{ name: 'Ben', what: 'Ask first', when: '', withWhom: '' }
	],
	followUps: [
		{
			participantId: 'ana-0001',
			name: 'Ana',
			title: 'Talk to Sam',
			startsAt: T0 + 60 * MINUTE,
			reflectAt: T0 + 25 * 60 * MINUTE
		}
	]
};

describe('summary as Markdown', () => {
	test('has a section per kind of content, in order, with the times formatted as given', () => {
		expect(summaryMarkdown(full, isoTime)).toBe(
			[
				'# Listening: session summary',
				'',
				'- Date: 2026-11-22T09:00:00.000Z',
				'- Room: <https://example.test/r/abc>',
				'',
				'## Participants',
				'',
				'- Ana (Speaker)',
				'- Ben (Listener)',
				'',
				'## Time per phase',
				'',
				'- Settle in: 2 min',
				'- Story, round 1: 5 min, 30 sec',
				'- **Total: 7 min, 30 sec**',
				'',
				'## Ratings',
				'',
				'- Ana (Speaker): 4, Mostly',
				'- 1 rating is still sealed.',
				'',
				'## Phrases that worked',
				'',
				'- “I hear you.” (Speaker)',
				'',
				'## Emotional shifts',
				'',
				'- **defensive → open** at “Fine.” (Listener)',
				'',
				'## Two sentences to reuse',
				'',
				'- What matters most?',
				'- Say more.',
				'',
				'## Feedback message',
				'',
				'> Can I share something? The report came late.',
				'',
				'## Paraphrases',
				'',
				'- Feelings: worried',
				'',
				'## Phrases that landed',
				'',
				'- “Stung \\*again\\*.” (Feelings, second take)',
				'',
				'## Voice clips',
				'',
				'- Ana’s story: voice clip, 1:12',
				'',
				'## Shared observations',
				'',
				'- **Cy**: Ben paused before answering.',
				'',
				'## Commitments',
				'',
				'- **Ana**: Pause before advising; when: Monday; with: Sam',
				'- **Ben**: Ask first',
				'',
				'## Follow-ups',
				'',
				'- **Ana**: Talk to Sam, 2026-11-22T10:00:00.000Z; reflect 2026-11-23T10:00:00.000Z',
				''
			].join('\n')
		);
	});

	test('puts each round under its own heading when the session had several', () => {
		const markdown = summaryMarkdown(
			{
				...emptySummary,
				rounds: 2,
				sentences: [
					{ round: 1, sentences: ['First.'] },
					{ round: 2, sentences: ['Second.'] }
				],
				starredPhrases: [{ round: 2, roleName: 'Speaker', text: 'Go on' }]
			},
			isoTime
		);
		expect(markdown).toContain(
			'## Two sentences to reuse\n\n### Round 1\n\n- First.\n\n### Round 2\n\n- Second.\n'
		);
		expect(markdown).toContain('- “Go on” (Speaker) (round 2)');
	});

	test('[A26] names a line said by voice without its words in place of a quote, escaped', () => {
		const markdown = summaryMarkdown(
			{
				...emptySummary,
				starredPhrases: [
					{ round: 1, roleName: 'Speaker', text: '', voice: '*Ana*’s voice line, 0:05' }
				],
				shifts: [
					{
						round: 1,
						roleName: 'Listener',
						shift: 'closed → curious',
						text: '',
						voice: 'at *Ana*’s voice line, 0:05'
					}
				]
			},
			isoTime
		);
		expect(markdown).toContain('- \\*Ana\\*’s voice line, 0:05 (Speaker)\n');
		expect(markdown).toContain(
			'- **closed → curious** at \\*Ana\\*’s voice line, 0:05 (Listener)\n'
		);
		expect(markdown).not.toContain('“”');
	});

	test('leaves out empty sections', () => {
		const markdown = summaryMarkdown(
			{ ...emptySummary, participants: [{ name: 'Ana', roleName: 'Speaker' }] },
			isoTime
		);
		expect(markdown).toBe(
			'# Listening: session summary\n\n- Date: 2026-11-22T09:00:00.000Z\n\n## Participants\n\n- Ana (Speaker)\n'
		);
	});

	test('keeps user text literal, so a name like *Ana* is not emphasised', () => {
		const markdown = summaryMarkdown(
			{
				...emptySummary,
				playbookTitle: 'Say_it',
				participants: [{ name: '*Ana*', roleName: 'Speaker' }],
				commitments: [{ name: '[Ben](http://x)', what: '# Ask\nfirst', when: '', withWhom: '' }],
				observations: [{ name: 'Cy', text: '> not a quote\n**loud**' }]
			},
			isoTime
		);
		expect(markdown).toContain('# Say\\_it: session summary');
		expect(markdown).toContain('- \\*Ana\\* (Speaker)');
		expect(markdown).toContain('- **\\[Ben\\](http://x)**: \\# Ask first');
		expect(markdown).toContain('- **Cy**: \\> not a quote \\*\\*loud\\*\\*');
	});
});

describe('summary as Markdown in the downloader’s language', () => {
	const germanTime = momentFormat('de', 'Europe/Berlin');

	test('German: headings, labels and times in German, people’s words as written', () => {
		const markdown = summaryMarkdown(full, germanTime, 'de');
		const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
		expect(headings).toEqual([
			'# Listening: Zusammenfassung der Sitzung',
			'## Teilnehmende',
			'## Zeit pro Phase',
			'## Bewertungen',
			'## Sätze, die gewirkt haben',
			'## Emotionale Wendepunkte',
			'## Zwei Sätze zum Mitnehmen',
			'## Feedback-Nachricht',
			'## Paraphrasen',
			'## Sätze, die angekommen sind',
			'## Sprachaufnahmen',
			'## Geteilte Beobachtungen',
			'## Vorsätze',
			'## Folgetermine'
		]);
		expect(markdown).toContain('- Datum: 22.11.2026, 10:00\n- Raum: <https://example.test/r/abc>');
		expect(markdown).toContain('- **Gesamt: 7 Min., 30 Sek.**');
		expect(markdown).toContain('- 1 Bewertung ist noch verdeckt.');
		expect(markdown).toContain('- „I hear you.“ (Speaker)');
		expect(markdown).toContain('- **defensive → open** bei „Fine.“ (Listener)');
		expect(markdown).toContain('- **Ana**: Pause before advising; wann: Monday; mit: Sam');
		expect(markdown).toContain(
			'- **Ana**: Talk to Sam, 22.11.2026, 11:00; Reflexion 23.11.2026, 11:00'
		);
	});

	test('Spanish: headings, rounds and plurals in Spanish', () => {
		const markdown = summaryMarkdown(
			{
				...full,
				rounds: 2,
				ratings: [{ round: 2, revealed: [], sealed: 2 }]
			},
			momentFormat('es', 'Europe/Madrid'),
			'es'
		);
		expect(markdown).toContain('# Listening: resumen de la sesión\n\n- Fecha: 22 nov 2026, 10:00');
		expect(markdown).toContain(
			'## Valoraciones\n\n### Ronda 2\n\n- 2 valoraciones siguen ocultas.'
		);
		expect(markdown).toContain('- «I hear you.» (Speaker) (ronda 1)');
		expect(markdown).toContain('## Compromisos');
		expect(markdown).toContain('; cuándo: Monday; con: Sam');
	});
});

describe('escaping user text', () => {
	test('escapes characters that format inline anywhere in the text', () => {
		expect(escapeMarkdown('a*b_c`d`[e] <f> | ~g~ & h\\')).toBe(
			'a\\*b\\_c\\`d\\`\\[e\\] \\<f\\> \\| \\~g\\~ \\& h\\\\'
		);
	});

	test('escapes what would start a heading, quote or list only at the start', () => {
		expect(escapeMarkdown('# one - two')).toBe('\\# one - two');
		expect(escapeMarkdown('> quoted')).toBe('\\> quoted');
		expect(escapeMarkdown('- item')).toBe('\\- item');
		expect(escapeMarkdown('12. item')).toBe('12\\. item');
		expect(escapeMarkdown('Version 1. Done')).toBe('Version 1. Done');
	});

	test('turns line breaks into single spaces so each item stays on one line', () => {
		expect(escapeMarkdown('  first\n\n  second  ')).toBe('first second');
	});
});

describe('summary wording', () => {
	test('says how many ratings are sealed, in the singular or plural', () => {
		expect(sealedNote(1)).toBe('1 rating is still sealed.');
		expect(sealedNote(3)).toBe('3 ratings are still sealed.');
		expect(sealedNote(1, 'de')).toBe('1 Bewertung ist noch verdeckt.');
		expect(sealedNote(0, 'de')).toBe('0 Bewertungen sind noch verdeckt.');
		expect(sealedNote(1, 'es')).toBe('1 valoración sigue oculta.');
		expect(sealedNote(5, 'es')).toBe('5 valoraciones siguen ocultas.');
	});

	test('rounds time spent to whole seconds, in the units of the language asked for', () => {
		expect(formatSpent(90_400, 'en')).toBe('1 min, 30 sec');
		expect(formatSpent(90_400, 'de')).toBe('1 Min., 30 Sek.');
		expect(formatSpent(90_400, 'es')).toBe('1 min y 30 s');
		expect(formatSpent(0, 'en')).toBe('0 sec');
	});

	test('a step passed through in a moment says so, rather than "0 s"', () => {
		expect(formatSpent(400)).toBe('under a second');
		expect(formatSpent(400, 'de')).toBe('unter einer Sekunde');
		expect(formatSpent(400, 'es')).toBe('menos de un segundo');
	});
});
