import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import {
	COMMITMENTS_MAP,
	paraphraseTextName,
	receivingMapName,
	roundKey,
	SCHEDULE_MAP,
	sentenceTextName
} from '../protocol/room-content';
import { REFLECT_AFTER_MS } from '../room/schedule';
import { ContentDoc } from './content-doc';

const KEY = roundKey(1);
const T0 = Date.UTC(2026, 10, 22, 9, 0);
const ANA = 'ana-000001';
const commitment = { what: 'Ask first', when: 'Monday', withWhom: 'Sam' };
const plan = { title: 'Talk to Sam', startsAt: T0, reflectAt: T0 + REFLECT_AFTER_MS };

/** What another copy of the room document sees of `doc`. */
const copyOf = (doc: Y.Doc) => {
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	return new ContentDoc(other);
};

describe('the room content, tool by tool', () => {
	test('a round’s paraphrase and sentences are the shared texts the schema names', () => {
		const doc = new Y.Doc();
		const content = new ContentDoc(doc);
		expect(content.paraphrase(KEY).needs).toBe(doc.getText(paraphraseTextName(KEY, 'needs')));
		expect(content.sentences(KEY)[2]).toBe(doc.getText(sentenceTextName(KEY, 2)));
		expect(Object.keys(content.paraphrase(KEY))).toEqual(['feelings', 'motives', 'needs']);
	});

	test('a tick reaches another copy, and so does taking it back; rounds keep their own', () => {
		const doc = new Y.Doc();
		const checklist = new ContentDoc(doc).receiving(KEY);
		checklist.tick('thank', true);
		checklist.tick('breathe', true);
		checklist.tick('breathe', false);
		expect([...copyOf(doc).receiving(KEY).live().current]).toEqual(['thank']);
		expect(copyOf(doc).receiving(roundKey(2)).live().current.size).toBe(0);
		expect(doc.getMap(receivingMapName(KEY)).get('breathe')).toBe(false);
	});

	test('a commitment is saved under its participant id and read back everywhere', () => {
		const doc = new Y.Doc();
		expect(new ContentDoc(doc).commitments.save(ANA, commitment)).toBe(true);
		expect(copyOf(doc).commitments.live().current).toEqual({ [ANA]: commitment });
	});

	test('a commitment over its limits, or under a key that is no participant id, changes nothing', () => {
		const doc = new Y.Doc();
		const commitments = new ContentDoc(doc).commitments;
		expect(commitments.save(ANA, { ...commitment, what: 'x'.repeat(301) })).toBe(false);
		expect(commitments.save('not an id!', commitment)).toBe(false);
		expect(doc.getMap(COMMITMENTS_MAP).size).toBe(0);
	});

	test('a plan is kept, read back everywhere, and removed', () => {
		const doc = new Y.Doc();
		const schedule = new ContentDoc(doc).schedule;
		expect(schedule.plan(ANA, plan)).toBe(true);
		expect(copyOf(doc).schedule.live().current).toEqual([{ participantId: ANA, plan }]);
		schedule.remove(ANA);
		expect(copyOf(doc).schedule.live().current).toEqual([]);
	});

	test('a plan without a title changes nothing', () => {
		const doc = new Y.Doc();
		expect(new ContentDoc(doc).schedule.plan(ANA, { ...plan, title: ' ' })).toBe(false);
		expect(doc.getMap(SCHEDULE_MAP).size).toBe(0);
	});

	test('an observation shared here is read in order on another copy', () => {
		const doc = new Y.Doc();
		const note = { participantId: ANA, name: 'Ana', text: 'Ben paused first.' };
		expect(new ContentDoc(doc).observations.share(note, T0)).toBe(true);
		expect(copyOf(doc).observations.live().current).toEqual([{ ...note, at: T0 }]);
	});

	test('a round’s script and feedback are the adapters over that round', () => {
		const content = new ContentDoc(new Y.Doc());
		expect(content.script(KEY).key).toBe(KEY);
		content.feedback(KEY).texts.ask.insert(0, 'Could you send it?');
		expect(content.feedback(KEY).texts.ask.toString()).toBe('Could you send it?');
	});
});
