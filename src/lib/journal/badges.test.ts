import { describe, expect, test } from 'vitest';
import { badgesOf, type BadgeId } from './badges';
import { feedbackCheckIn, sessionAt, shoutOutAt, utc } from './metrics.fixture';

const earned = (entries: Parameters<typeof badgesOf>[0], timeZone = 'UTC') =>
	Object.fromEntries(
		badgesOf(entries, timeZone).map((badge) => [badge.id, badge.earnedAt])
	) as Record<BadgeId, number | null>;

describe('badges for practising', () => {
	test('an empty journal has every badge still ahead', () => {
		expect(Object.values(earned([]))).toEqual([null, null, null, null]);
	});

	test('the first session earns its badge at that session', () => {
		const first = utc('2026-03-02T09:00');
		expect(earned([sessionAt(utc('2026-03-09T09:00')), sessionAt(first)])['first-session']).toBe(
			first
		);
	});

	test('taking part without a reflection earns the first-session badge too', () => {
		const commitment = feedbackCheckIn(utc('2026-03-10T00:00'), false);
		expect(earned([commitment])['first-session']).toBe(commitment.sessionDate);
		const thanked = utc('2026-03-01T10:00');
		expect(earned([shoutOutAt(thanked, false), commitment])['first-session']).toBe(
			Math.min(thanked, commitment.sessionDate)
		);
	});

	test('five sessions in one calendar month, earned at the fifth', () => {
		const march = [2, 5, 9, 12, 20].map((day) =>
			sessionAt(utc(`2026-03-${String(day).padStart(2, '0')}T09:00`))
		);
		expect(earned(march)['five-in-a-month']).toBe(utc('2026-03-20T09:00'));
		expect(earned(march.slice(0, 4))['five-in-a-month']).toBeNull();
	});

	test('five sessions spread over two months are not five in a month', () => {
		const spread = ['2026-02-25', '2026-02-27', '2026-03-02', '2026-03-04', '2026-03-06'].map(
			(day) => sessionAt(utc(`${day}T09:00`))
		);
		expect(earned(spread)['five-in-a-month']).toBeNull();
	});

	test('the month follows the time zone: 31 March 23:30 UTC is April in Berlin', () => {
		const sessions = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09'].map((day) =>
			sessionAt(utc(`${day}T09:00`))
		);
		const lastNight = sessionAt(utc('2026-03-31T23:30'));
		expect(earned([...sessions, lastNight], 'UTC')['five-in-a-month']).toBe(
			lastNight.session?.date
		);
		expect(earned([...sessions, lastNight], 'Europe/Berlin')['five-in-a-month']).toBeNull();
	});

	test('the first feedback conversation held, not one only planned', () => {
		const held = feedbackCheckIn(utc('2026-03-11T00:00'), true);
		expect(
			earned([feedbackCheckIn(utc('2026-03-05T00:00'), false)])['first-feedback-conversation']
		).toBeNull();
		expect(earned([held])['first-feedback-conversation']).toBe(utc('2026-03-10T12:00'));
	});

	test('kindness under pressure comes from a peer’s nomination only', () => {
		const nominated = utc('2026-03-04T10:00');
		expect(earned([shoutOutAt(utc('2026-03-01T10:00'), false)])['kind-under-pressure']).toBeNull();
		expect(earned([shoutOutAt(nominated, true)])['kind-under-pressure']).toBe(nominated);
	});

	test('badges say what they are for, in a fixed order, with no rank or score', () => {
		const badges = badgesOf([], 'UTC');
		expect(badges.map((badge) => badge.id)).toEqual([
			'first-session',
			'five-in-a-month',
			'first-feedback-conversation',
			'kind-under-pressure'
		]);
		expect(Object.keys(badges[0]!).sort()).toEqual(['description', 'earnedAt', 'id', 'title']);
	});
});
