import { describe, expect, test } from 'vitest';
import { m } from '../paraglide/messages';
import { ana, refusal } from './control-channel.fixture';
import { cutOff, comeBack, fakeTimeouts, raiseHand, room } from './command-sender.fixture';
import { WAIT_REASONS } from './offline-actions';
import { refusalWords } from './refusal-words';

/** Commands and ratings of a joined tab: sent, refused, or their answer lost. */

fakeTimeouts();

describe('a command sent while joined', () => {
	test('answered ok: true, and the problem line cleared', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		session.problem = 'a problem from before';
		expect(await sender.command(raiseHand)).toBe(true);
		expect(channel.commands).toEqual([raiseHand]);
		expect(session.problem).toBeUndefined();
	});

	test('refused: false, and the problem line words the refusal in the person’s language', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		const refused = refusal('not_allowed');
		refused.error.params = { reason: 'controls_locked' };
		channel.commandAnswers.push(refused);
		expect(await sender.command(raiseHand)).toBe(false);
		expect(session.problem).toBe(refusalWords(refused.error));
		expect(session.problem).not.toBe(refused.error.message);
		expect(joinFlow.joined).toBe(true);
	});

	test('its answer lost: false, and the problem line says it was not delivered', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		channel.commandAnswers.push('lost');
		expect(await sender.command(raiseHand)).toBe(false);
		expect(session.problem).toBe(m.room_not_delivered());
	});

	test('before any join (nothing to keep it for), it is sent as it is', async () => {
		const { channel, sender } = room();
		expect(await sender.command(raiseHand)).toBe(true);
		expect(channel.commands).toEqual([raiseHand]);
	});
});

describe('ratings', () => {
	const rating = { step: 2, value: 4 } as const;

	test('answered ok: true, and the problem line cleared', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		session.problem = 'a problem from before';
		expect(await sender.rate(rating)).toBe(true);
		expect(channel.ratings).toEqual([rating]);
		expect(session.problem).toBeUndefined();
	});

	test('refused: false, the refusal worded; its answer lost: not delivered', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		const refused = refusal('invalid_command');
		refused.error.params = { reason: 'ratings_shown' };
		channel.ratingAnswers.push(refused, 'lost');
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(refusalWords(refused.error));
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(m.room_not_delivered());
	});

	test('[S21] while cut off it is not sent nor kept: the problem line says it waits', async () => {
		const { channel, session, joinFlow, offline, sender } = await cutOff();
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(WAIT_REASONS.rating());
		expect(offline.queue).toEqual([]);
		await comeBack(joinFlow);
		expect(channel.ratings).toEqual([]);
	});

	test('answered "not now": told, and the tab stays joined (a rating is not kept)', async () => {
		const { channel, session, joinFlow, sender } = room();
		await joinFlow.join(ana);
		const unavailable = refusal('unavailable');
		channel.ratingAnswers.push(unavailable);
		expect(await sender.rate(rating)).toBe(false);
		expect(session.problem).toBe(refusalWords(unavailable.error));
		expect(joinFlow.joined).toBe(true);
		expect(joinFlow.waiting).toBe(false);
	});
});
