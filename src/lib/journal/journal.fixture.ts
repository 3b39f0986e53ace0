import type {
	CheckInEntry,
	PulseEntry,
	ReflectionEntry,
	SessionFacts,
	ShoutOutEntry
} from './entry';
import { DAY_MS } from '../time-units';

/** A fixed moment for journal tests: 22 November 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 22, 9, 0);
export const ROOM_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** The commitment made in the session: in its facts and in the check-in that follows it up. */
const commitment = { what: 'Ask one open question', when: 'Friday', withWhom: 'Sam' };

export const sessionFacts: SessionFacts = {
	roomId: ROOM_ID,
	playbookId: 'active-listening-sprint',
	playbookTitle: 'Active Listening Sprint',
	date: T0,
	durationMs: 20 * 60 * 1000,
	skills: ['listening', 'empathy'],
	commitment,
	ratingsReceived: [4],
	starredPhrases: ['So what matters most is time'],
	paraphrasesWritten: 1,
	feedbackMessagesDrafted: 0,
	feedbackConversation: null
};

export const reflection: ReflectionEntry = {
	type: 'reflection',
	id: 'reflection-1',
	createdAt: T0 + 30 * 60 * 1000,
	updatedAt: T0 + 30 * 60 * 1000,
	skill: 'listening',
	confidence: 3,
	context: 'Stand-up ran long',
	action: 'I paraphrased before answering',
	result: 'Sam felt heard',
	feelings: 'Calmer',
	session: sessionFacts
};

export const checkIn: CheckInEntry = {
	type: 'check-in',
	id: `check-in:${ROOM_ID}:commitment`,
	createdAt: T0 + 30 * 60 * 1000,
	updatedAt: T0 + 30 * 60 * 1000,
	subject: 'commitment',
	roomId: ROOM_ID,
	playbookTitle: 'Active Listening Sprint',
	sessionDate: T0,
	commitment,
	dueAt: T0 + 5 * DAY_MS,
	answer: '',
	done: false,
	answeredAt: null
};

export const shoutOut: ShoutOutEntry = {
	type: 'shout-out',
	id: 'shout-out:shout1234',
	createdAt: T0 + 20 * 60 * 1000,
	updatedAt: T0 + 20 * 60 * 1000,
	fromName: 'Ada',
	behaviour: 'You waited for me to finish before asking',
	date: T0 + 19 * 60 * 1000,
	roomId: ROOM_ID,
	playbookTitle: 'Active Listening Sprint',
	kindUnderPressure: true
};

export const pulse: PulseEntry = {
	type: 'pulse',
	id: 'pulse:2026-11',
	createdAt: T0 + DAY_MS,
	updatedAt: T0 + DAY_MS,
	month: '2026-11',
	question: 'Who did you understand better this month?',
	answer: 'My new team mate',
	confidence: 4
};
