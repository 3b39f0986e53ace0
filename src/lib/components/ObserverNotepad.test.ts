import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ObservationsDoc } from '$lib/client/observations';
import { OBSERVATIONS_ARRAY } from '$lib/protocol/room-content';
import ObserverNotepad from './ObserverNotepad.svelte';

const props = (doc: Y.Doc, visible: boolean) => ({
	shared: new ObservationsDoc(doc),
	roomId: 'room-id-of-twenty-two0',
	participantId: 'cy-00003',
	name: 'Cy',
	visible,
	now: () => 0
});

const sharedDoc = () => {
	const doc = new Y.Doc();
	doc.getArray(OBSERVATIONS_ARRAY).push([
		{ participantId: 'cy-00003', name: 'Cy', text: 'Ben paused <b>first</b>.', at: 1 },
		{ participantId: 'di-000004', name: 'Di', text: '', at: 2 },
		{ participantId: 'di-000004', name: 'Di', text: 'Ana smiled.', at: 3 }
	]);
	return doc;
};

describe('observer notepad', () => {
	test('an observer gets a private notepad that says it is private until shared', () => {
		const { body } = render(ObserverNotepad, { props: props(new Y.Doc(), true) });
		expect(body).toContain('Only you can see this until you share it.');
		expect(body).toMatch(
			/<label for="([^"]+)"[^>]*>What you notice<\/label>[\s\S]*<textarea id="\1"/
		);
		expect(body).toContain('Share with the room');
		expect(body).not.toContain('Shared observations');
	});

	test('someone who does not observe sees nothing until something is shared', () => {
		expect(render(ObserverNotepad, { props: props(new Y.Doc(), false) }).body).not.toContain(
			'<section'
		);
	});

	test('everyone sees what was shared, in order, as text, without the notepad', () => {
		const { body } = render(ObserverNotepad, { props: props(sharedDoc(), false) });
		expect(body).not.toContain('<textarea');
		const items = [...body.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((match) =>
			match[1]?.replace(/<!--.*?-->/g, '')
		);
		expect(items).toEqual([
			'<strong>Cy</strong>: Ben paused &lt;b>first&lt;/b>.',
			'<strong>Di</strong>: Ana smiled.'
		]);
	});
});
