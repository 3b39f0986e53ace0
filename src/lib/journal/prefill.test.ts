import { describe, expect, test } from 'vitest';
import type { RoomContent } from '../room/summary';
import type { RoundContent } from '../room/summary-rounds';
import { ROOM_ID, T0 } from './journal.fixture';
import { sessionFacts, type PrefillInput } from './prefill';

const MINUTE = 60_000;

/** Steps: 0 Story, 1 Paraphrase, 2 Rating (round 1); 3–5 the same in round 2; 6 Close. */
const playbook: PrefillInput['playbook'] = {
	id: 'listening',
	title: 'Listening',
	skills: ['listening', 'empathy'],
	roles: [
		{ id: 'speaker', name: 'Speaker' },
		{ id: 'listener', name: 'Listener' }
	],
	rotation: 'swap-each-round',
	rounds: 2,
	phases: [
		{ id: 'story', title: 'Story', repeatsPerRound: true },
		{ id: 'paraphrase', title: 'Paraphrase', repeatsPerRound: true, tool: 'paraphrase' },
		{ id: 'rating', title: 'Rating', repeatsPerRound: true, tool: 'rating' },
		{ id: 'close', title: 'Close', tool: 'commitment' }
	]
};

/** Ana joined as the speaker, so she speaks in round 1 and listens in round 2; Ben the reverse. */
const ANA = 'ana-0001';
const BEN = 'ben-0002';
const people = {
	[ANA]: { name: 'Ana', roleId: 'speaker' },
	[BEN]: { name: 'Ben', roleId: 'listener' }
};

const round = (n: number, feelings = ''): RoundContent => ({
	round: n,
	paraphrase: { feelings, motives: '', needs: '' },
	landed: {},
	feedback: { permission: '', situation: '', behaviour: '', impact: '', ask: '' },
	scriptLines:
		n === 1
			? [
					{
						takeId: 'take-1',
						roleId: 'speaker',
						text: ' What matters is time ',
						starred: true,
						shift: ''
					},
					{ takeId: 'take-1', roleId: 'listener', text: 'Not this one', starred: false, shift: '' },
					// Said by voice and starred, its words never written down (A24): no phrase to keep.
					{
						takeId: 'take-1',
						roleId: 'listener',
						text: '',
						starred: true,
						shift: '',
						voice: {
							clipId: 'A'.repeat(22),
							participantId: BEN,
							phaseId: 'play',
							type: 'audio/webm',
							durationMs: 4_000,
							at: T0
						}
					}
				]
			: [],
	sentences: ['', ''],
	clips: []
});

const content: RoomContent = {
	rounds: [round(1, 'Tired and unheard'), round(2)],
	commitments: {
		[BEN]: { what: ' Ask one open question ', when: 'Friday', withWhom: 'Sam' },
		[ANA]: { what: '', when: '', withWhom: '' }
	},
	schedule: [
		{
			participantId: ANA,
			plan: { title: 'Talk to Sam', startsAt: T0 + 60 * MINUTE, reflectAt: T0 + 120 * MINUTE }
		}
	],
	observations: []
};

const input = (selfId: string): PrefillInput => ({
	playbook,
	roomId: ROOM_ID,
	selfId,
	content,
	now: T0 + 20 * MINUTE,
	control: {
		people,
		speakers: [],
		history: [
			{ phaseIndex: 0, round: 1, at: T0 },
			{ phaseIndex: 3, round: 2, at: T0 + 15 * MINUTE }
		],
		ratings: {
			'rating@round-1': { submitted: [ANA, BEN], revealed: { [ANA]: 4, [BEN]: 3 } },
			'rating@round-2': { submitted: [BEN, ANA], revealed: { [BEN]: 5, [ANA]: 2 } }
		}
	}
});

describe('sessionFacts', () => {
	test('carries the summary’s playbook, date, time and starred phrases', () => {
		const facts = sessionFacts(input(BEN));
		expect(facts).toMatchObject({
			roomId: ROOM_ID,
			playbookId: 'listening',
			playbookTitle: 'Listening',
			date: T0,
			durationMs: 20 * MINUTE,
			skills: ['listening', 'empathy'],
			starredPhrases: ['What matters is time']
		});
	});

	test('takes this person’s own commitment, trimmed, and no one else’s', () => {
		expect(sessionFacts(input(BEN)).commitment).toEqual({
			what: 'Ask one open question',
			when: 'Friday',
			withWhom: 'Sam'
		});
		expect(sessionFacts(input(ANA)).commitment).toBeNull();
	});

	test('a rating received is the speaker’s, in a round this person listened in', () => {
		expect(sessionFacts(input(BEN)).ratingsReceived).toEqual([4]);
		expect(sessionFacts(input(ANA)).ratingsReceived).toEqual([5]);
	});

	test('counts paraphrases written in the rounds this person listened in', () => {
		expect(sessionFacts(input(BEN)).paraphrasesWritten).toBe(1);
		expect(sessionFacts(input(ANA)).paraphrasesWritten).toBe(0);
	});

	test('names this person’s planned feedback conversation', () => {
		expect(sessionFacts(input(ANA)).feedbackConversation).toEqual({
			title: 'Talk to Sam',
			startsAt: T0 + 60 * MINUTE
		});
		expect(sessionFacts(input(BEN)).feedbackConversation).toBeNull();
	});

	test('someone who only watched received no ratings and wrote no paraphrase', () => {
		const facts = sessionFacts(input('watcher-9'));
		expect(facts.ratingsReceived).toEqual([]);
		expect(facts.paraphrasesWritten).toBe(0);
		expect(facts.commitment).toBeNull();
	});
});
