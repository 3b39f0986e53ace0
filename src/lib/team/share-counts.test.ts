import { describe, expect, test } from 'vitest';
import { pulse, shoutOut } from '../journal/journal.fixture';
import { sessionAt, utc } from '../journal/metrics.fixture';
import { shareRequestSchema } from '../protocol/team';
import { SHARED_WEEKS, shareCounts } from './share-counts';

const CTX = { timeZone: 'Europe/Berlin', now: utc('2026-03-18T12:00') };

describe('what a member shares with a team', () => {
	test('twelve weeks of counts up to this week, quiet weeks as zeros', () => {
		const weeks = shareCounts([sessionAt(utc('2026-03-17T09:00'))], CTX);
		expect(weeks).toHaveLength(SHARED_WEEKS);
		expect(weeks.at(-1)).toEqual({
			week: '2026-03-16',
			sessions: 1,
			minutes: 20,
			skills: { listening: 1, empathy: 1 }
		});
		expect(weeks[0]).toEqual({ week: '2025-12-29', sessions: 0, minutes: 0, skills: {} });
	});

	test('carries no text from the journal, and the server accepts it as it is', () => {
		const entries = [sessionAt(utc('2026-03-17T09:00')), pulse, shoutOut];
		const weeks = shareCounts(entries, CTX);
		const sent = JSON.stringify(weeks);
		for (const text of [
			'Stand-up ran long',
			'Sam',
			pulse.answer,
			shoutOut.behaviour,
			'Active Listening'
		]) {
			expect(sent).not.toContain(text);
		}
		expect(shareRequestSchema.safeParse({ memberKey: 'k'.repeat(22), weeks }).success).toBe(true);
	});
});
