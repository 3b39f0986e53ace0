import { expect, test } from 'vitest';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { pushPayloadSchema, type PushPayload } from '../../src/lib/protocol/push-payload';
import { redirectLog } from '../log';
import type { StoredPush } from './push-store';
import { TurnNotifier } from './turn-notifier';
import type { PushSendResult } from './web-push-sender';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';
const HOUR = 60 * 60 * 1000;
const KEYS = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };
const push = (participantId: string, endpoint: string, locale: StoredPush['locale'] = 'en') => ({
	participantId,
	locale,
	endpoint,
	keys: KEYS
});

/** A notifier over an in-memory list of subscriptions and a sender that records what it sent. */
function setUp(pushes: StoredPush[], answer: (endpoint: string) => PushSendResult = () => 'sent') {
	const stored = [...pushes];
	const sent: { endpoint: string; payload: PushPayload; ttlSeconds: number }[] = [];
	const notifier = new TurnNotifier({
		store: {
			ofPeople: async (_room, ids) => stored.filter((p) => ids.includes(p.participantId)),
			removeEndpoint: async (_room, endpoint) => {
				stored.splice(
					stored.findIndex((p) => p.endpoint === endpoint),
					1
				);
			}
		},
		sender: {
			send: async (p, payload, ttlSeconds) => {
				sent.push({
					endpoint: p.endpoint,
					payload: pushPayloadSchema.parse(JSON.parse(payload)),
					ttlSeconds
				});
				return answer(p.endpoint);
			}
		},
		playbookOf: async () => findBuiltInPlaybook('active-listening-sprint'),
		allowed: (endpoint) => !endpoint.includes('not-allowed'),
		now: () => 0
	});
	return { notifier, sent, stored };
}

test('[W4] a turn that starts reaches every device of the people whose turn it is, each in its language', async () => {
	const { notifier, sent } = setUp([
		push('ana-0001', 'https://a/phone', 'de'),
		push('ana-0001', 'https://a/laptop', 'en'),
		push('ben-0001', 'https://b/phone')
	]);
	notifier.onTurnStarted(ROOM, 1, ['ana-0001']);
	await notifier.idle();
	expect(sent.map((s) => [s.endpoint, s.payload.title]).sort()).toEqual([
		['https://a/laptop', 'Your turn: Active Listening Sprint'],
		['https://a/phone', 'Du bist dran: Sprint Aktives Zuhören']
	]);
	expect(sent[0]?.payload.path).toBe(`/r/${ROOM}`);
});

test('[W4] a turn that moved reaches the devices of the one who lost it, replacing their “your turn”', async () => {
	const { notifier, sent } = setUp([
		push('ben-0001', 'https://b/phone'),
		push('ana-0001', 'https://a')
	]);
	notifier.onTurnMoved(ROOM, 1, ['ben-0001'], { toNames: ['Ana'], reason: 'place-taken' });
	await notifier.idle();
	expect(sent.map((s) => [s.endpoint, s.payload.title, s.payload.tag, s.ttlSeconds])).toEqual([
		['https://b/phone', 'Your turn moved: Active Listening Sprint', `turn-${ROOM}`, 24 * 60 * 60]
	]);
	expect(sent[0]?.payload.body).toContain('now goes to Ana.');
});

test('[W4] a reminder lives at the push service until the deadline, no longer', async () => {
	const { notifier, sent } = setUp([push('ana-0001', 'https://a/phone')]);
	notifier.onDeadlineNear(ROOM, 1, ['ana-0001'], 3 * HOUR);
	await notifier.idle();
	expect(sent).toHaveLength(1);
	expect(sent[0]?.ttlSeconds).toBe(3 * 60 * 60);
	expect(sent[0]?.payload.body).toContain('about 3 hours');
});

test('[W6] a subscription its push service calls gone is removed; one that failed is kept', async () => {
	const { notifier, stored } = setUp(
		[
			push('ana-0001', 'https://a/gone'),
			push('ana-0001', 'https://a/down'),
			push('ana-0001', 'https://a/ok')
		],
		(endpoint) =>
			endpoint.endsWith('gone') ? 'gone' : endpoint.endsWith('down') ? 'failed' : 'sent'
	);
	const outcome = await notifier.notify({ kind: 'turn-started', roomId: ROOM, phaseIndex: 0 }, [
		'ana-0001'
	]);
	expect(outcome).toEqual({ sent: 1, gone: 1, failed: 1 });
	expect(stored.map((p) => p.endpoint)).toEqual(['https://a/down', 'https://a/ok']);
});

test('[W2] an endpoint no longer among the allowed push services is not sent to', async () => {
	const { notifier, sent } = setUp([push('ana-0001', 'https://not-allowed/x')]);
	await notifier.notify({ kind: 'turn-started', roomId: ROOM, phaseIndex: 0 }, ['ana-0001']);
	expect(sent).toEqual([]);
});

test('a store that fails is logged, never thrown into the schedule', async () => {
	const notifier = new TurnNotifier({
		store: {
			ofPeople: async () => {
				throw new Error('storage down');
			},
			removeEndpoint: async () => {}
		},
		sender: { send: async () => 'sent' },
		playbookOf: async () => undefined,
		allowed: () => true,
		now: () => 0
	});
	const written: string[] = [];
	const restore = redirectLog({ write: (line: string) => written.push(line) });
	try {
		expect(() => notifier.onTurnStarted(ROOM, 0, ['ana-0001'])).not.toThrow();
		await expect(notifier.idle()).resolves.toBeUndefined();
	} finally {
		restore();
	}
	expect(written.join('')).toContain('sending turn notifications failed');
});
