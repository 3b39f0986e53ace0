import { render } from 'svelte/server';
import { afterEach, describe, expect, test } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { SessionSummary } from '$lib/room/summary';
import { emptySummary, T0 } from '$lib/room/summary.fixture';
import SessionSummaryView from './SessionSummaryView.svelte';

const formatTime = (ms: number) => new Date(ms).toISOString();

const empty: SessionSummary = { ...emptySummary, rounds: 2 };

const full: SessionSummary = {
	...empty,
	participants: [{ name: '<b>Ana</b>', roleName: 'Speaker' }],
	timePerPhase: [{ label: 'Story, round 1', ms: 90_000 }],
	totalMs: 90_000,
	ratings: [{ round: 2, revealed: [], sealed: 2 }],
	starredPhrases: [{ round: 1, roleName: 'Speaker', text: 'I hear you.' }],
	shifts: [{ round: 1, roleName: 'Listener', shift: 'tense → calm', text: 'Oh.' }],
	sentences: [{ round: 1, sentences: ['Say more.'] }],
	feedbackMessages: [{ round: 1, message: 'Can I share something?' }],
	paraphrases: [{ round: 1, parts: [{ label: 'Needs', text: 'clarity' }] }],
	landedPhrases: [{ round: 1, take: 1, note: 'Needs', text: 'clarity' }],
	observations: [{ name: 'Cy', text: 'Ben <i>paused</i>.' }],
	commitments: [{ name: 'Ana', what: 'Ask first', when: '', withWhom: 'Sam' }],
	followUps: [
		{ participantId: 'ana-0001', name: 'Ana', title: 'Talk', startsAt: T0, reflectAt: T0 + 1 }
	]
};

const headings = (html: string, level: 'h2' | 'h3') =>
	[...html.matchAll(new RegExp(`<${level}[^>]*>(.*?)</${level}>`, 'g'))].map((match) =>
		match[1]?.replace(/<!--.*?-->/g, '')
	);

describe('session summary view', () => {
	test('gives each section with content its named heading, in order', () => {
		const { body } = render(SessionSummaryView, { props: { summary: full, formatTime } });
		expect(headings(body, 'h2')).toEqual([
			'Participants',
			'Time per phase',
			'Ratings',
			'Phrases that worked',
			'Emotional shifts',
			'Two sentences to reuse',
			'Feedback message',
			'Paraphrases',
			'Phrases that landed',
			'Shared observations',
			'Commitments',
			'Follow-ups'
		]);
		expect(headings(body, 'h3')).toEqual(['Round 2', 'Round 1', 'Round 1', 'Round 1']);
		expect(body).toContain('(Needs)');
		expect(body).toContain('2 ratings are still sealed.');
		expect(body).toContain('1 min, 30 sec');
		expect(body).toContain(`Conversation: ${formatTime(T0)}`);
	});

	test('shows no section for what is empty, and no round headings for a single round', () => {
		const { body } = render(SessionSummaryView, {
			props: { summary: { ...empty, rounds: 1, sentences: full.sentences }, formatTime }
		});
		expect(headings(body, 'h2')).toEqual(['Two sentences to reuse']);
		expect(headings(body, 'h3')).toEqual([]);
	});

	test('renders what people wrote as text, never as markup', () => {
		const { body } = render(SessionSummaryView, { props: { summary: full, formatTime } });
		expect(body).toContain('&lt;b>Ana&lt;/b>');
		expect(body).not.toContain('<b>Ana</b>');
		expect(body).toContain('Ben &lt;i>paused&lt;/i>.');
	});

	test('sets a person’s role apart from their name with a space', () => {
		const { body } = render(SessionSummaryView, { props: { summary: full, formatTime } });
		const text = body.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '');
		expect(text).toContain('&lt;b>Ana&lt;/b> (Speaker)');
	});

	describe('in the reader’s language', () => {
		const localeBefore = getLocale;
		afterEach(() => overwriteGetLocale(localeBefore));

		test('German headings, rounds, plurals and labels; people’s words as written', () => {
			overwriteGetLocale(() => 'de');
			const { body } = render(SessionSummaryView, { props: { summary: full, formatTime } });
			expect(headings(body, 'h2')).toEqual([
				'Teilnehmende',
				'Zeit pro Phase',
				'Bewertungen',
				'Sätze, die gewirkt haben',
				'Emotionale Wendepunkte',
				'Zwei Sätze zum Mitnehmen',
				'Feedback-Nachricht',
				'Paraphrasen',
				'Sätze, die angekommen sind',
				'Geteilte Beobachtungen',
				'Vorsätze',
				'Folgetermine'
			]);
			expect(headings(body, 'h3')).toEqual(['Runde 2', 'Runde 1', 'Runde 1', 'Runde 1']);
			expect(body).toContain('2 Bewertungen sind noch verdeckt.');
			expect(body).toContain('„I hear you.“');
			expect(body).toContain(`Gespräch: ${formatTime(T0)}`);
		});

		test('Spanish headings and plurals', () => {
			overwriteGetLocale(() => 'es');
			const { body } = render(SessionSummaryView, { props: { summary: full, formatTime } });
			expect(headings(body, 'h2')[0]).toBe('Participantes');
			expect(body).toContain('2 valoraciones siguen ocultas.');
			expect(body).toContain('en «Oh.»');
		});
	});
});
