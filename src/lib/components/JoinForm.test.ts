import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { MAX_PARTICIPANTS } from '$lib/protocol/control';
import JoinForm from './JoinForm.svelte';

const show = (room: { locked?: boolean; full?: boolean }) =>
	render(JoinForm, {
		props: {
			roles: [{ id: 'listener', name: 'Listener', brief: 'Listens.' }],
			roster: [],
			initialName: 'Ana',
			onjoin: () => Promise.resolve(undefined),
			...room
		}
	}).body;
/** The text of the paragraphs in the notices' live region. */
const notices = (html: string) =>
	[
		...(html.match(/role="status">([\s\S]*?)<\/div>/)?.[1] ?? '').matchAll(/<p[^>]*>(.*?)<\/p>/g)
	].map((match) => match[1]);

describe('join form', () => {
	test('an open room with space says nothing before the form', () => {
		const html = show({});
		expect(html).toContain('role="status"');
		expect(notices(html)).toEqual([]);
	});

	test('a locked, full room says both before anyone submits, and joining stays open', () => {
		const html = show({ locked: true, full: true });
		expect(notices(html)).toEqual([
			'This room is locked: the host is not letting anyone new in right now.',
			`This room is full: it holds ${MAX_PARTICIPANTS} people.`
		]);
		const button = html.match(/<button[^>]*type="submit"[^>]*>/)?.[0];
		expect(button).toContain('aria-describedby="join-notices"');
		expect(button).not.toContain('disabled');
	});
});
