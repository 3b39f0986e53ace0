import { describe, expect, test } from 'vitest';
import { checkIn, pulse, reflection, shoutOut, T0 } from './journal.fixture';
import { journalMarkdown } from './markdown';

const formatTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

describe('journalMarkdown', () => {
	test('has a section per kind of record, with the answers and the session facts', () => {
		const markdown = journalMarkdown([reflection, checkIn, shoutOut, pulse], T0, formatTime);
		expect(markdown).toBe(`# Practice journal

Exported 2026-11-22 09:00.

## Reflections

### Active Listening Sprint, 2026-11-22 09:00

- Skill: listening; confidence 3 of 5
- Time practised: 20 min
- Felt understanding given to me: 4 of 5
- My commitment: Ask one open question
- Phrase that worked: “So what matters most is time”
- **Context:** Stand-up ran long
- **Action:** I paraphrased before answering
- **Result:** Sam felt heard
- **Feelings:** Calmer

## Follow-ups

### Ask one open question

- From: Active Listening Sprint, 2026-11-22 09:00
- when: Friday; with: Sam
- Check in from: 2026-11-27 09:00

## Shout-outs received

- **Ada**, 2026-11-22 09:19: You waited for me to finish before asking (kindness under pressure)

## Monthly pulse

### 2026-11

- Who did you understand better this month?
- **Answer:** My new team mate
- Confidence: 4 of 5
`);
	});

	test('escapes what people wrote, so it reads as text and not as Markdown', () => {
		const markdown = journalMarkdown(
			[
				{
					...reflection,
					session: null,
					context: '# not a heading\nand *not bold* <script>alert(1)</script>',
					action: '',
					result: '',
					feelings: ''
				}
			],
			T0,
			formatTime
		);
		expect(markdown).toContain(
			'- **Context:** \\# not a heading and \\*not bold\\* \\<script\\>alert(1)\\</script\\>'
		);
		expect(markdown).toContain('### Reflection, 2026-11-22 09:30');
		expect(markdown).not.toContain('**Action:**');
	});

	test('an answered check-in says whether it was done and how it went', () => {
		const answered = { ...checkIn, answer: 'Asked *twice*', done: true, answeredAt: T0 };
		const markdown = journalMarkdown([answered], T0, formatTime);
		expect(markdown).toContain('- Done: yes\n- **How it went:** Asked \\*twice\\*');
	});

	test('an empty journal is a title and the export date', () => {
		expect(journalMarkdown([], T0, formatTime)).toBe(
			'# Practice journal\n\nExported 2026-11-22 09:00.\n'
		);
	});

	test.each([
		['de', '# Übungsjournal', '## Reflexionen', '- **Kontext:**', '## Erhaltener Dank'],
		[
			'es',
			'# Diario de práctica',
			'## Reflexiones',
			'- **Contexto:**',
			'## Reconocimientos recibidos'
		]
	] as const)('in the downloader’s language: %s', (locale, ...lines) => {
		const markdown = journalMarkdown(
			[reflection, checkIn, shoutOut, pulse],
			T0,
			formatTime,
			locale
		);
		for (const line of lines) expect(markdown).toContain(line);
		expect(markdown).not.toMatch(/Reflections|Follow-ups|Exported/);
	});
});
