import { render } from 'svelte/server';
import { expect, test } from 'vitest';
import { sessionFacts } from '$lib/journal/journal.fixture';
import SessionFactsView from './SessionFactsView.svelte';

/** What a person reads: the markup's text, without tags and Svelte's comments. */
const text = (html: string) => html.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '');

test('the session line sets its moment and its length apart with a spaced dot', () => {
	const { body } = render(SessionFactsView, { props: { facts: sessionFacts } });
	expect(text(body)).toMatch(/Active Listening Sprint, \S.* · 20 min/);
});

test('a session that took no time names no length', () => {
	const { body } = render(SessionFactsView, {
		props: { facts: { ...sessionFacts, durationMs: 0 } }
	});
	expect(text(body)).not.toContain('min');
});
