import { describe, expect, test } from 'vitest';
import { asyncState } from './async-schedule.fixture';
import { emptySections } from './summary.fixture';
import {
	summarizeSession,
	type RoomContent,
	type SummaryInput,
	type SummaryPlaybook
} from './summary';
import type { RoundContent } from './summary-rounds';

const T0 = Date.UTC(2026, 10, 22, 9, 0);
const MINUTE = 60_000;

/** Steps: 0 Settle in; 1 Story, 2 Rating (round 1); 3 Story, 4 Rating (round 2); 5 Close. */
const playbook: SummaryPlaybook = {
	id: 'listening',
	title: 'Listening',
	roles: [
		{ id: 'speaker', name: 'Speaker' },
		{ id: 'listener', name: 'Listener' }
	],
	rotation: 'swap-each-round',
	rounds: 2,
	phases: [
		{ id: 'settle', title: 'Settle in' },
		{ id: 'story', title: 'Story', repeatsPerRound: true },
		{ id: 'rating', title: 'Rating', repeatsPerRound: true, tool: 'rating' },
		{ id: 'close', title: 'Close' }
	]
};

const people = {
	'ana-0001': { name: 'Ana', roleId: 'speaker' },
	'ben-0002': { name: 'Ben', roleId: 'listener' }
};

function roundContent(round: number, parts: Partial<Omit<RoundContent, 'round'>> = {}) {
	return {
		round,
		paraphrase: { feelings: '', motives: '', needs: '' },
		landed: {},
		feedback: { permission: '', situation: '', behaviour: '', impact: '', ask: '' },
		scriptLines: [],
		sentences: ['', ''],
		clips: [],
		...parts
	};
}

const emptyContent: RoomContent = {
	rounds: [roundContent(1), roundContent(2)],
	commitments: {},
	schedule: [],
	observations: []
};

function summarize(
	overrides: Partial<Omit<SummaryInput, 'control'>> & { control?: Partial<SummaryInput['control']> }
) {
	return summarizeSession({
		playbook,
		content: emptyContent,
		now: T0,
		...overrides,
		control: { history: [], people, ratings: {}, speakers: [], ...overrides.control }
	});
}

describe('session summary', () => {
	test('names the playbook and dates the session from its first recorded step', () => {
		const summary = summarize({
			control: { history: [{ phaseIndex: 0, round: 1, at: T0 - 30 * MINUTE }] },
			roomUrl: 'https://example.test/r/abc'
		});
		expect(summary).toMatchObject({
			playbookId: 'listening',
			playbookTitle: 'Listening',
			roomUrl: 'https://example.test/r/abc',
			date: T0 - 30 * MINUTE,
			rounds: 2
		});
	});

	test('dates a session with no recorded steps at the time of the summary', () => {
		expect(summarize({}).date).toBe(T0);
	});

	test('lists participants by name with the role they started in', () => {
		expect(summarize({}).participants).toEqual([
			{ name: 'Ana', roleName: 'Speaker' },
			{ name: 'Ben', roleName: 'Listener' }
		]);
	});

	test('counts each step until the next and the last until now, naming rounds and keeping steps passed through', () => {
		const summary = summarize({
			now: T0 + 20 * MINUTE,
			control: {
				history: [
					{ phaseIndex: 0, round: 1, at: T0 },
					{ phaseIndex: 1, round: 1, at: T0 + 2 * MINUTE },
					{ phaseIndex: 2, round: 1, at: T0 + 7 * MINUTE },
					{ phaseIndex: 1, round: 2, at: T0 + 7 * MINUTE + 400 },
					{ phaseIndex: 3, round: 1, at: T0 + 12 * MINUTE }
				]
			}
		});
		expect(summary.timePerPhase).toEqual([
			{ label: 'Settle in', ms: 2 * MINUTE },
			{ label: 'Story, round 1', ms: 5 * MINUTE },
			{ label: 'Rating, round 1', ms: 400 },
			{ label: 'Story, round 2', ms: 5 * MINUTE - 400 },
			{ label: 'Close', ms: 8 * MINUTE }
		]);
		expect(summary.totalMs).toBe(20 * MINUTE);
	});

	test('adds up the time of a step people went back to', () => {
		const summary = summarize({
			now: T0 + 10 * MINUTE,
			control: {
				history: [
					{ phaseIndex: 0, round: 1, at: T0 },
					{ phaseIndex: 1, round: 1, at: T0 + MINUTE },
					{ phaseIndex: 0, round: 1, at: T0 + 3 * MINUTE },
					{ phaseIndex: 1, round: 1, at: T0 + 4 * MINUTE }
				]
			}
		});
		expect(summary.timePerPhase).toEqual([
			{ label: 'Settle in', ms: 2 * MINUTE },
			{ label: 'Story, round 1', ms: 8 * MINUTE }
		]);
	});

	test('counts rounds people added beyond the playbook', () => {
		const summary = summarize({
			now: T0 + MINUTE,
			control: { rounds: 3, history: [{ phaseIndex: 1, round: 3, at: T0 }] }
		});
		expect(summary.rounds).toBe(3);
		expect(summary.timePerPhase).toEqual([{ label: 'Story, round 3', ms: MINUTE }]);
	});

	test('names no round in a session of one round: "Story, round 1" would suggest another', () => {
		const summary = summarize({
			playbook: { ...playbook, rounds: 1 },
			now: T0 + 3 * MINUTE,
			control: {
				history: [
					{ phaseIndex: 0, round: 1, at: T0 },
					{ phaseIndex: 1, round: 1, at: T0 + MINUTE }
				]
			}
		});
		expect(summary.rounds).toBe(1);
		expect(summary.timePerPhase).toEqual([
			{ label: 'Settle in', ms: MINUTE },
			{ label: 'Story', ms: 2 * MINUTE }
		]);
	});

	test('words rounds, unnamed phases and rating labels in the reader’s language', () => {
		const summary = summarize({
			locale: 'de',
			now: T0 + 3 * MINUTE,
			control: {
				history: [
					{ phaseIndex: 1, round: 2, at: T0 },
					{ phaseIndex: 9, round: 1, at: T0 + MINUTE }
				],
				ratings: { 'rating@round-1': { submitted: ['ben-0002'], revealed: { 'ben-0002': 4 } } }
			}
		});
		expect(summary.timePerPhase.map(({ label }) => label)).toEqual(['Story, Runde 2', 'Phase 10']);
		expect(summary.ratings[0]?.revealed[0]?.label).toBe('Weitgehend');
		const unknownRater = summarize({
			locale: 'es',
			control: {
				ratings: { 'rating@round-1': { submitted: ['zed-0009'], revealed: { 'zed-0009': 1 } } }
			}
		});
		expect(unknownRater.ratings[0]?.revealed[0]?.name).toBe('Alguien que se fue');
		expect(
			summarize({ locale: 'es', control: { history: [{ phaseIndex: 1, round: 1, at: T0 }] } })
				.timePerPhase[0]?.label
		).toBe('Story, ronda 1');
	});

	test('shows revealed ratings with each rater’s role in that round and counts sealed ones', () => {
		const summary = summarize({
			control: {
				ratings: {
					'rating@round-1': { submitted: ['ana-0001'] },
					'rating@round-2': {
						submitted: ['ben-0002', 'ana-0001'],
						revealed: { 'ben-0002': 4, 'ana-0001': 2 }
					}
				}
			}
		});
		expect(summary.ratings).toEqual([
			{ round: 1, revealed: [], sealed: 1 },
			{
				round: 2,
				revealed: [
					{ name: 'Ben', roleName: 'Speaker', value: 4, label: 'Mostly' },
					{ name: 'Ana', roleName: 'Listener', value: 2, label: 'A little' }
				],
				sealed: 0
			}
		]);
	});

	test('in a circle, names the role each rater played in that round as the rotation gave it', () => {
		const circle: SummaryPlaybook = {
			...playbook,
			roles: [...playbook.roles, { id: 'observer', name: 'Observer' }],
			rotation: 'round-robin'
		};
		const summary = summarize({
			playbook: circle,
			control: {
				people: { ...people, 'cy-00003': { name: 'Cy', roleId: 'observer' } },
				ratings: {
					'rating@round-2': {
						submitted: ['ana-0001', 'ben-0002', 'cy-00003'],
						revealed: { 'ana-0001': 3, 'ben-0002': 4, 'cy-00003': 2 }
					}
				}
			}
		});
		expect(summary.ratings[0]?.revealed.map((r) => [r.name, r.roleName])).toEqual([
			['Ana', 'Observer'],
			['Ben', 'Speaker'],
			['Cy', 'Listener']
		]);
	});

	test('lists shared observations in the order shared, named as the room recorded them', () => {
		const summary = summarize({
			control: { people: { ...people, 'cy-00003': { name: 'Cy', roleId: 'listener' } } },
			content: {
				...emptyContent,
				observations: [
					{ participantId: 'cy-00003', name: 'Cyrus', text: 'Ben paused first.', at: T0 },
					{ participantId: 'dee-0004', name: 'Dee', text: 'Ana smiled.', at: T0 + 1 }
				]
			}
		});
		expect(summary.observations).toEqual([
			{ name: 'Cy', text: 'Ben paused first.' },
			{ name: 'Dee', text: 'Ana smiled.' }
		]);
	});

	test('a rating submitted after the reveal but not yet shown counts as sealed', () => {
		const summary = summarize({
			control: {
				ratings: {
					'rating@round-1': { submitted: ['ana-0001', 'ben-0002'], revealed: { 'ana-0001': 5 } }
				}
			}
		});
		expect(summary.ratings).toEqual([
			{
				round: 1,
				revealed: [{ name: 'Ana', roleName: 'Speaker', value: 5, label: 'Completely' }],
				sealed: 1
			}
		]);
	});

	const line = { takeId: 'take-1', roleId: 'speaker', text: '', starred: false, shift: '' };
	/** The summary of a session whose first round's script has `scriptLines`. */
	const summarizeScript = (scriptLines: RoundContent['scriptLines']) =>
		summarize({
			content: { ...emptyContent, rounds: [roundContent(1, { scriptLines }), roundContent(2)] }
		});

	test('collects starred phrases and emotional shifts from every take', () => {
		const summary = summarizeScript([
			{ ...line, text: ' I hear you. ', starred: true },
			{ ...line, roleId: 'listener', text: 'Fine.', shift: ' defensive → open ' },
			{ ...line, takeId: 'take-2', text: 'Let us start again.', starred: true },
			{ ...line, text: '   ', starred: true }
		]);
		expect(summary.starredPhrases).toEqual([
			{ round: 1, roleName: 'Speaker', text: 'I hear you.' },
			{ round: 1, roleName: 'Speaker', text: 'Let us start again.' }
		]);
		expect(summary.shifts).toEqual([
			{ round: 1, roleName: 'Listener', shift: 'defensive → open', text: 'Fine.' }
		]);
	});

	test('[A26] a starred or shifted line said by voice, its words not written down, is named as the voice line', () => {
		const voice = {
			clipId: 'A'.repeat(22),
			participantId: 'ana-0001',
			phaseId: 'play',
			type: 'audio/webm' as const,
			durationMs: 5_400,
			at: 1
		};
		const summary = summarizeScript([
			{ ...line, voice, starred: true, shift: 'closed → curious' },
			{ ...line, voice, text: 'Words written down.', starred: true }
		]);
		expect(summary.starredPhrases).toEqual([
			{ round: 1, roleName: 'Speaker', text: '', voice: 'Ana’s voice line, 0:05' },
			{ round: 1, roleName: 'Speaker', text: 'Words written down.' }
		]);
		expect(summary.shifts).toEqual([
			{
				round: 1,
				roleName: 'Speaker',
				shift: 'closed → curious',
				text: '',
				voice: 'at Ana’s voice line, 0:05'
			}
		]);
	});

	test('keeps the sentences, feedback messages and paraphrase parts that say something', () => {
		const summary = summarize({
			content: {
				...emptyContent,
				rounds: [
					roundContent(1, {
						sentences: ['', ' What matters most to you here? '],
						feedback: {
							permission: 'can I share something',
							situation: '',
							behaviour: 'the report came late',
							impact: '',
							ask: ''
						},
						paraphrase: { feelings: 'worried', motives: ' ', needs: 'clarity' }
					}),
					roundContent(2, { sentences: ['  ', ''] })
				]
			}
		});
		expect(summary.sentences).toEqual([
			{ round: 1, sentences: ['What matters most to you here?'] }
		]);
		expect(summary.feedbackMessages).toEqual([
			{ round: 1, message: 'Can I share something? The report came late.' }
		]);
		expect(summary.paraphrases).toEqual([
			{
				round: 1,
				parts: [
					{ label: 'Feelings', text: 'worried' },
					{ label: 'Needs', text: 'clarity' }
				]
			}
		]);
	});

	/** A room on turns whose speakers asked for second takes in `rounds`. */
	const secondTakesIn = (...rounds: number[]) => asyncState({ secondTakes: rounds });

	test('[A17] lists the phrases that landed by round and take, with the part each came from', () => {
		const summary = summarize({
			control: { async: secondTakesIn(1, 2) },
			content: {
				...emptyContent,
				rounds: [
					roundContent(1, {
						landed: {
							1: { part: 'feelings', text: 'Stung.' },
							2: { part: 'needs', text: 'To be asked.' }
						}
					}),
					roundContent(2, { landed: { 2: { part: 'motives', text: 'Seen.' } } })
				]
			}
		});
		expect(summary.landedPhrases).toEqual([
			{ round: 1, take: 1, note: 'Feelings', text: 'Stung.' },
			{ round: 1, take: 2, note: 'Needs, second take', text: 'To be asked.' },
			{ round: 2, take: 2, note: 'Motives, second take', text: 'Seen.' }
		]);
	});

	test('[A17] a second take’s phrase in a round that had no second take (a hand-made entry) is left out', () => {
		const landed = {
			1: { part: 'feelings', text: 'Stung.' },
			2: { part: 'needs', text: 'Made up.' }
		} as const;
		const content = { ...emptyContent, rounds: [roundContent(1, { landed })] };
		expect(summarize({ content }).landedPhrases).toEqual([
			{ round: 1, take: 1, note: 'Feelings', text: 'Stung.' }
		]);
		expect(summarize({ control: { async: secondTakesIn(2) }, content }).landedPhrases).toHaveLength(
			1
		);
	});

	test('[A12] [A26] lists voice clips by whose and how long, never their audio, and skips rounds without', () => {
		const summary = summarize({
			content: {
				...emptyContent,
				rounds: [
					roundContent(1, {
						clips: [{ purpose: 'story', participantId: 'ana-0001', durationMs: 72_400 }]
					}),
					roundContent(2, {
						clips: [
							{ purpose: 'feedback', participantId: 'ben-0002', durationMs: 300 },
							{ purpose: 'roleplay', participantId: 'ana-0001', durationMs: 5_600 }
						]
					})
				]
			}
		});
		expect(summary.voiceClips).toEqual([
			{ round: 1, clips: ['Ana’s story: voice clip, 1:12'] },
			{
				round: 2,
				clips: [
					'Ben’s feedback message: voice clip, 0:01',
					'Ana’s line in the role-play: voice clip, 0:06'
				]
			}
		]);
		expect(summarize({}).voiceClips).toEqual([]);
	});

	test('lists commitments in join order, skipping empty ones, and follow-ups with names', () => {
		const summary = summarize({
			content: {
				...emptyContent,
				commitments: {
					'zed-0003': { what: 'Ask first', when: '', withWhom: '' },
					'ben-0002': { what: ' ', when: '', withWhom: '' },
					'ana-0001': { what: 'Pause before advising', when: 'Monday', withWhom: 'Sam' }
				},
				schedule: [
					{
						participantId: 'ben-0002',
						plan: { title: 'Talk to Kim', startsAt: T0 + 30 * MINUTE, reflectAt: T0 + 1 }
					},
					{
						participantId: 'ana-0001',
						plan: { title: 'Talk to Sam', startsAt: T0 + 60 * MINUTE, reflectAt: T0 + 2 }
					}
				]
			}
		});
		expect(summary.commitments).toEqual([
			{ name: 'Ana', what: 'Pause before advising', when: 'Monday', withWhom: 'Sam' },
			{ name: 'Someone who has left', what: 'Ask first', when: '', withWhom: '' }
		]);
		expect(summary.followUps).toEqual([
			{
				participantId: 'ben-0002',
				name: 'Ben',
				title: 'Talk to Kim',
				startsAt: T0 + 30 * MINUTE,
				reflectAt: T0 + 1
			},
			{
				participantId: 'ana-0001',
				name: 'Ana',
				title: 'Talk to Sam',
				startsAt: T0 + 60 * MINUTE,
				reflectAt: T0 + 2
			}
		]);
	});

	test('an untouched room has nothing in any content section', () => {
		expect(summarize({})).toMatchObject(emptySections);
	});
});
