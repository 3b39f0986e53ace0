import { describe, expect, test } from 'vitest';
import { dateKeySchema, shareRequestSchema, weekKeySchema } from './team';

describe('dates and weeks in team shares', () => {
	test('a date must exist', () => {
		expect(dateKeySchema.safeParse('2028-02-29').success).toBe(true);
		for (const date of [
			'2026-02-29',
			'2026-02-31',
			'2026-13-01',
			'2026-99-99',
			'0000-00-00',
			'26-3-2'
		]) {
			expect(dateKeySchema.safeParse(date).success).toBe(false);
		}
	});

	test('a week is named by its Monday', () => {
		expect(weekKeySchema.safeParse('2026-03-02').success).toBe(true);
		expect(weekKeySchema.safeParse('2026-03-08').success).toBe(false);
	});

	test('a share carries counts only', () => {
		const share = {
			memberKey: 'k'.repeat(22),
			weeks: [{ week: '2026-03-02', sessions: 1, minutes: 20, skills: { listening: 1 } }]
		};
		expect(shareRequestSchema.safeParse(share).success).toBe(true);
		expect(shareRequestSchema.safeParse({ ...share, text: 'hello' }).success).toBe(false);
		expect(
			shareRequestSchema.safeParse({ ...share, weeks: [{ ...share.weeks[0], minutes: 1.5 }] })
				.success
		).toBe(false);
	});
});
