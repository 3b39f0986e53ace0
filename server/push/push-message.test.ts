import { expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { pushPayloadSchema } from '../../src/lib/protocol/push-payload';
import { pushPayload, timeLeft } from './push-message';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const playbook = findBuiltInPlaybook('active-listening-sprint');
if (!playbook) throw new Error('the Active Listening Sprint is missing');

test('[W4] a turn that starts is announced with the playbook and phase, in the person’s language', () => {
	const notice = { kind: 'turn-started', roomId: ROOM, phaseIndex: 1 } as const;
	const en = pushPayload(notice, 'en', playbook, 0);
	expect(en).toEqual({
		title: 'Your turn: Active Listening Sprint',
		body: '“Tell the story” is waiting for you. Take your turn when it suits you.',
		path: `/r/${ROOM}`,
		tag: `turn-${ROOM}`
	});
	const de = pushPayload(notice, 'de', playbook, 0);
	expect(de.title).toBe('Du bist dran: Sprint Aktives Zuhören');
	expect(de.body).toContain('„Die Geschichte erzählen“');
	expect(pushPayloadSchema.safeParse(de).success).toBe(true);
});

test('[W4] a turn that moved tells where it went and why, in the person’s language', () => {
	const moved = (toNames: string[], reason: 'place-freed' | 'place-taken' | 'drawn-again') =>
		({ kind: 'turn-moved', roomId: ROOM, phaseIndex: 1, toNames, reason }) as const;
	expect(pushPayload(moved(['Ana'], 'place-taken'), 'en', playbook, 0)).toEqual({
		title: 'Your turn moved: Active Listening Sprint',
		body:
			'“Tell the story” now goes to Ana. Someone confirmed the agreements and took a place, ' +
			'so the turns were drawn again. Nothing to do for you now.',
		path: `/r/${ROOM}`,
		tag: `turn-${ROOM}`
	});
	expect(pushPayload(moved(['Ana', 'Cara'], 'drawn-again'), 'en', playbook, 0).body).toContain(
		'now goes to Ana and Cara.'
	);
	expect(pushPayload(moved([], 'place-freed'), 'en', playbook, 0).body).toContain(
		'“Tell the story” is no longer yours to take. The host removed someone'
	);
	const de = pushPayload(moved(['Ana', 'Cara'], 'place-freed'), 'de', playbook, 0);
	expect(de.title).toBe('Nicht mehr dein Zug: Sprint Aktives Zuhören');
	expect(de.body).toContain('„Die Geschichte erzählen“ geht jetzt an Ana und Cara.');
	const many = pushPayload(moved(Array(12).fill('N'.repeat(60)), 'drawn-again'), 'en', playbook, 0);
	expect(many.body).toContain('is no longer yours to take.');
	expect(pushPayloadSchema.safeParse(many).success).toBe(true);
	const es = pushPayload(moved(['Ana'], 'drawn-again'), 'es', playbook, 0);
	expect(es.title).toContain('Ya no te toca');
	expect(pushPayloadSchema.safeParse(es).success).toBe(true);
});

test('[W4] a reminder says how many hours are left, with the right plural', () => {
	const notice = (deadlineAt: number) =>
		({ kind: 'deadline-near', roomId: ROOM, phaseIndex: 1, deadlineAt }) as const;
	expect(pushPayload(notice(3 * HOUR), 'en', playbook, 0).body).toContain('about 3 hours');
	expect(pushPayload(notice(HOUR), 'en', playbook, 0).body).toContain('about 1 hour.');
	expect(pushPayload(notice(3 * HOUR), 'es', playbook, 0).body).toContain('3 horas');
	expect(pushPayload(notice(3 * HOUR), 'de', playbook, 0).title).toBe(
		'Du bist noch dran: Sprint Aktives Zuhören'
	);
});

test('a phase the playbook does not have is named by its number rather than failing', () => {
	const payload = pushPayload(
		{ kind: 'turn-started', roomId: ROOM, phaseIndex: 40 },
		'en',
		playbook,
		0
	);
	expect(payload.body).toContain('“41”');
});

test('[W4] under an hour a reminder says minutes, with the right plural, in each language', () => {
	const body = (left: number, locale: 'en' | 'de' | 'es') =>
		pushPayload(
			{ kind: 'deadline-near', roomId: ROOM, phaseIndex: 1, deadlineAt: left },
			locale,
			playbook,
			0
		).body;
	expect(body(59 * MINUTE, 'en')).toContain('in about 59 minutes.');
	expect(body(60 * MINUTE, 'en')).toContain('in about 1 hour.');
	expect(body(MINUTE, 'en')).toContain('in about 1 minute.');
	expect(body(40 * MINUTE, 'de')).toContain('in etwa 40 Minuten weiter');
	expect(body(MINUTE, 'de')).toContain('in etwa 1 Minute weiter');
	expect(body(40 * MINUTE, 'es')).toContain('en más o menos 40 minutos.');
	expect(body(MINUTE, 'es')).toContain('en más o menos 1 minuto.');
});

test('time left is rounded to minutes under an hour, to hours from an hour up, never nothing', () => {
	expect(timeLeft(2.6 * HOUR, 0)).toEqual({ hours: 3 });
	expect(timeLeft(HOUR, 0)).toEqual({ hours: 1 });
	expect(timeLeft(59.5 * MINUTE, 0)).toEqual({ hours: 1 });
	expect(timeLeft(89 * MINUTE, 0)).toEqual({ hours: 1 });
	expect(timeLeft(89.5 * MINUTE, 0)).toEqual({ hours: 1 });
	expect(timeLeft(91 * MINUTE, 0)).toEqual({ hours: 2 });
	expect(timeLeft(59 * MINUTE, 0)).toEqual({ minutes: 59 });
	expect(timeLeft(10 * MINUTE, 0)).toEqual({ minutes: 10 });
	expect(timeLeft(20_000, 0)).toEqual({ minutes: 1 });
	expect(timeLeft(-HOUR, 0)).toEqual({ minutes: 1 });
});
