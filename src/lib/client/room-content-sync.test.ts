import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { receivingMapName, roundKey, SCHEDULE_MAP } from '../protocol/room-content';
import { REFLECT_AFTER_MS } from '../room/schedule';
import { readSchedule } from '../room/schedule';
import { FeedbackDraft } from './feedback-draft';
import { tickedItems } from './receiving';

const KEY = roundKey(1);

/** Two copies of one room document that deliver every update to each other at once. */
function connectedDocs(): [Y.Doc, Y.Doc] {
	const docs: [Y.Doc, Y.Doc] = [new Y.Doc(), new Y.Doc()];
	for (const [from, to] of [docs, [docs[1], docs[0]]] as const) {
		from.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'peer') Y.applyUpdate(to, update, 'peer');
		});
	}
	return docs;
}

describe('receiving checklist', () => {
	test('a tick on one side appears on the other, and so does taking it back', () => {
		const [mine, theirs] = connectedDocs();
		mine.getMap(receivingMapName(KEY)).set('breathe', true);
		mine.getMap(receivingMapName(KEY)).set('thank', true);
		expect([...tickedItems(theirs.getMap(receivingMapName(KEY)))]).toEqual(['breathe', 'thank']);
		theirs.getMap(receivingMapName(KEY)).set('breathe', false);
		expect([...tickedItems(mine.getMap(receivingMapName(KEY)))]).toEqual(['thank']);
	});

	test('only true ticks an item; other values and unknown items are ignored', () => {
		const map = new Y.Doc().getMap<unknown>(receivingMapName(KEY));
		map.set('breathe', 'yes');
		map.set('paraphrase', 1);
		map.set('smile', true);
		expect(tickedItems(map).size).toBe(0);
	});

	test('each round keeps its own ticks', () => {
		const doc = new Y.Doc();
		doc.getMap(receivingMapName(roundKey(1))).set('breathe', true);
		expect(tickedItems(doc.getMap(receivingMapName(roundKey(2)))).size).toBe(0);
	});
});

describe('feedback draft', () => {
	test('the message follows what the other peer types, in speaking order', () => {
		const [mine, theirs] = connectedDocs();
		const draft = new FeedbackDraft(mine, KEY);
		const peer = new FeedbackDraft(theirs, KEY);
		peer.texts.impact.insert(0, 'the team waited a day');
		peer.texts.situation.insert(0, 'in the release');
		expect(draft.message).toBe('In the release. The team waited a day.');
		draft.texts.permission.insert(0, 'can I share something');
		expect(peer.message).toBe('Can I share something? In the release. The team waited a day.');
	});

	test('drafts of different rounds do not share text', () => {
		const doc = new Y.Doc();
		new FeedbackDraft(doc, roundKey(1)).texts.ask.insert(0, 'could you');
		expect(new FeedbackDraft(doc, roundKey(2)).message).toBe('');
	});
});

describe('schedule', () => {
	test('a malformed entry written by a peer is skipped on the other side', () => {
		const [mine, theirs] = connectedDocs();
		const startsAt = Date.UTC(2026, 10, 22, 9, 0);
		const plan = { title: 'Talk to Sam', startsAt, reflectAt: startsAt + REFLECT_AFTER_MS };
		const schedule = mine.getMap(SCHEDULE_MAP);
		schedule.set('ada-participant', plan);
		schedule.set('ben-participant', { title: 'Talk to Jo', startsAt: 'tomorrow' });
		schedule.set('carl-participant', new Y.Map());
		expect(readSchedule(theirs.getMap(SCHEDULE_MAP).entries())).toEqual([
			{ participantId: 'ada-participant', plan }
		]);
	});
});
