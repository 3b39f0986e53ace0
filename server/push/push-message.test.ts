import { expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { pushPayloadSchema } from '../../src/lib/protocol/push-payload';
import { hoursLeft, pushPayload } from './push-message';

const HOUR = 60 * 60 * 1000;
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

test('hours left are rounded and never below one', () => {
	expect(hoursLeft(2.6 * HOUR, 0)).toBe(3);
	expect(hoursLeft(10 * 60 * 1000, 0)).toBe(1);
	expect(hoursLeft(-HOUR, 0)).toBe(1);
});
