import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CLIPS_MAP, clipSlotKey } from '../protocol/clips';
import {
	COMMITMENTS_MAP,
	feedbackTextName,
	LANDED_MAP,
	landedKey,
	OBSERVATIONS_ARRAY,
	paraphraseTextName,
	SCHEDULE_MAP,
	scriptLinesName,
	sentenceTextName
} from '../protocol/room-content';
import { readRoomContent } from './room-content';

const playbook = { phases: [{ repeatsPerRound: true }], rounds: 2 };
const T0 = Date.UTC(2026, 10, 22, 9, 0);
const lineDefaults = { starred: false, shift: '' };

function scriptLine(fields: Record<string, unknown>): Y.Map<unknown> {
	const line = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) line.set(key, value);
	return line;
}

/** What another browser wrote, arriving as an update, as it does over the network. */
function remoteDoc(write: (doc: Y.Doc) => void): Y.Doc {
	const author = new Y.Doc();
	write(author);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(author));
	return doc;
}

describe('reading the room content', () => {
	test('reads every tool of every round, and the commitments and plans by participant', () => {
		const doc = remoteDoc((author) => {
			author.getText(paraphraseTextName('round-1', 'feelings')).insert(0, 'worried');
			author.getMap(LANDED_MAP).set(landedKey(1, 2), { part: 'feelings', text: 'worried' });
			author.getText(feedbackTextName('round-2', 'ask')).insert(0, 'could you send it');
			author.getText(sentenceTextName('round-1', 2)).insert(0, 'Say more.');
			author
				.getArray(scriptLinesName('round-1'))
				.push([
					scriptLine({ id: 'l1', takeId: 'take-1', roleId: 'speaker', text: 'Hi', starred: true }),
					scriptLine({ id: 'l2', takeId: 'take-2', roleId: 'listener', text: 'Oh', shift: 'calm' })
				]);
			author.getMap(COMMITMENTS_MAP).set('ana-0001', { what: 'Ask', when: 'Monday', withWhom: '' });
			author
				.getMap(SCHEDULE_MAP)
				.set('ana-0001', { title: 'Talk to Sam', startsAt: T0, reflectAt: T0 + 1 });
			author
				.getArray(OBSERVATIONS_ARRAY)
				.push([{ participantId: 'cy-00003', name: 'Cy', text: ' Ben paused. ', at: T0 }]);
		});

		expect(readRoomContent(doc, playbook, {})).toEqual({
			rounds: [
				{
					round: 1,
					paraphrase: { feelings: 'worried', motives: '', needs: '' },
					landed: { 2: { part: 'feelings', text: 'worried' } },
					feedback: { permission: '', situation: '', behaviour: '', impact: '', ask: '' },
					scriptLines: [
						{
							...lineDefaults,
							id: 'l1',
							takeId: 'take-1',
							roleId: 'speaker',
							text: 'Hi',
							starred: true
						},
						{
							...lineDefaults,
							id: 'l2',
							takeId: 'take-2',
							roleId: 'listener',
							text: 'Oh',
							shift: 'calm'
						}
					],
					sentences: ['', 'Say more.'],
					clips: []
				},
				{
					round: 2,
					paraphrase: { feelings: '', motives: '', needs: '' },
					landed: {},
					feedback: {
						permission: '',
						situation: '',
						behaviour: '',
						impact: '',
						ask: 'could you send it'
					},
					scriptLines: [],
					sentences: ['', ''],
					clips: []
				}
			],
			commitments: { 'ana-0001': { what: 'Ask', when: 'Monday', withWhom: '' } },
			schedule: [
				{
					participantId: 'ana-0001',
					plan: { title: 'Talk to Sam', startsAt: T0, reflectAt: T0 + 1 }
				}
			],
			observations: [{ participantId: 'cy-00003', name: 'Cy', text: 'Ben paused.', at: T0 }]
		});
	});

	test('reads the rounds people added beyond the playbook', () => {
		const doc = remoteDoc((author) => {
			author.getText(sentenceTextName('round-3', 1)).insert(0, 'Third time.');
		});
		const content = readRoomContent(doc, playbook, { rounds: 3 });
		expect(content.rounds.map((round) => round.round)).toEqual([1, 2, 3]);
		expect(content.rounds[2]?.sentences).toEqual(['Third time.', '']);
	});

	test('reads each round’s voice clips, oldest first, by the slot of the person they name', () => {
		const clip = (participantId: string, phaseId: string, at: number) => ({
			clipId: 'A'.repeat(21) + participantId.slice(0, 1),
			participantId,
			phaseId,
			type: 'audio/webm',
			durationMs: 72_000,
			at
		});
		const doc = remoteDoc((author) => {
			const clips = author.getMap(CLIPS_MAP);
			clips.set(clipSlotKey('feedback', 1, 'ben-0002'), clip('ben-0002', 'draft', T0 + 5));
			clips.set(clipSlotKey('story', 1, 'ana-0001'), clip('ana-0001', 'story', T0));
			// In someone else's slot: not listed.
			clips.set(clipSlotKey('story', 2, 'ana-0001'), clip('ben-0002', 'story', T0));
		});
		const content = readRoomContent(doc, playbook, {});
		expect(content.rounds.map((round) => round.clips)).toEqual([
			[
				{ purpose: 'story', participantId: 'ana-0001', durationMs: 72_000 },
				{ purpose: 'feedback', participantId: 'ben-0002', durationMs: 72_000 }
			],
			[]
		]);
	});

	test('[A26] lists the role-play’s lines said by voice among the round’s clips, by time', () => {
		const voice = (participantId: string, at: number) => ({
			clipId: 'B'.repeat(21) + participantId.slice(0, 1),
			participantId,
			phaseId: 'play',
			type: 'audio/webm',
			durationMs: 5_000,
			at
		});
		const doc = remoteDoc((author) => {
			author.getArray(scriptLinesName('round-1')).push([
				scriptLine({
					id: 'l1',
					takeId: 'take-1',
					roleId: 'speaker',
					text: '',
					voice: voice('ana-0001', T0 + 9)
				}),
				scriptLine({ id: 'l2', takeId: 'take-1', roleId: 'listener', text: 'Written.' })
			]);
			author
				.getMap(CLIPS_MAP)
				.set(clipSlotKey('story', 1, 'ben-0002'), { ...voice('ben-0002', T0), phaseId: 'story' });
			// A role-play line has no slot in the clips map: one written there is nobody's line.
			author.getMap(CLIPS_MAP).set('roleplay@round-1:ben-0002', voice('ben-0002', T0 + 5));
		});
		expect(readRoomContent(doc, playbook, {}).rounds[0]?.clips).toEqual([
			{ purpose: 'story', participantId: 'ben-0002', durationMs: 5_000 },
			{ purpose: 'roleplay', participantId: 'ana-0001', durationMs: 5_000 }
		]);
	});

	test('skips lines, commitments and plans that do not parse', () => {
		const doc = remoteDoc((author) => {
			author
				.getArray(scriptLinesName('round-1'))
				.push([
					scriptLine({ id: 'l1', takeId: 'take-1', text: 'no role' }),
					{ id: 'l2', takeId: 'take-1', roleId: 'speaker', text: 'not a Y.Map' },
					scriptLine({ id: 'l3', takeId: 'take-1', roleId: 'speaker', text: 'kept' })
				]);
			const commitments = author.getMap(COMMITMENTS_MAP);
			commitments.set('ana-0001', { what: 'Ask' });
			commitments.set('ben-0002', 'just text');
			commitments.set('kim-0003', { what: 'Listen', when: '', withWhom: '' });
			author.getMap(SCHEDULE_MAP).set('ana-0001', { title: '', startsAt: T0, reflectAt: T0 });
			author
				.getArray(OBSERVATIONS_ARRAY)
				.push([
					{ participantId: 'cy-00003', name: 'Cy', text: '   ', at: T0 },
					{ participantId: 'cy-00003', text: 'no name', at: T0 },
					'just text',
					{ participantId: 'cy-00003', name: 'Cy', text: 'kept', at: T0 }
				]);
		});

		const content = readRoomContent(doc, playbook, {});
		expect(content.rounds[0]?.scriptLines.map((line) => line.text)).toEqual(['kept']);
		expect(content.commitments).toEqual({
			'kim-0003': { what: 'Listen', when: '', withWhom: '' }
		});
		expect(content.schedule).toEqual([]);
		expect(content.observations.map((observation) => observation.text)).toEqual(['kept']);
	});
});
