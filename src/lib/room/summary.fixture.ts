import type { SessionSummary } from './summary';

/** A fixed moment for summary tests: 22 November 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 22, 9, 0);

/** Every content section of a summary, as in a session in which nothing was written. */
export const emptySections = {
	timePerPhase: [],
	totalMs: 0,
	ratings: [],
	starredPhrases: [],
	shifts: [],
	sentences: [],
	feedbackMessages: [],
	paraphrases: [],
	landedPhrases: [],
	voiceClips: [],
	observations: [],
	commitments: [],
	followUps: []
} satisfies Partial<SessionSummary>;

/** A summary of a session in which nothing was written, for tests to fill in. */
export const emptySummary: SessionSummary = {
	playbookId: 'listening',
	playbookTitle: 'Listening',
	roomUrl: undefined,
	date: T0,
	rounds: 1,
	participants: [],
	...emptySections
};
