import { expect, test } from 'vitest';
import * as keys from './keys';

// Stored data: a key that changes name loses what is under the old one (or needs a migration).
test('the names of stored keys are the ones earlier releases wrote', () => {
	expect(keys.REDIS_VERSION_KEY).toBe('pr:schema-version');
	expect(keys.roomKeys('R')).toEqual([
		'pr:room:{R}:meta',
		'pr:room:{R}:snapshot',
		'pr:room:{R}:snapshot-at',
		'pr:room:{R}:log',
		'pr:room:{R:sealed}:snapshot',
		'pr:room:{R:sealed}:snapshot-at',
		'pr:room:{R:sealed}:log',
		'pr:room:{R}:blobs',
		'pr:room:{R}:blob-meta',
		'pr:room:{R}:push'
	]);
	expect(keys.VAPID_KEYS_KEY).toBe('pr:push:vapid-keys');
	expect(keys.WAKES_KEY).toBe('pr:rooms:wakes');
	expect(keys.wakeClaimKey('R', 5)).toBe('pr:room:{R}:wake:5');
	expect(keys.presenceKey('R')).toBe('pr:room:{R}:presence');
	expect(keys.presenceField('P', 'I')).toBe('P:I');
	expect(keys.controlLockKey('R')).toBe('pr:room:{R}:control-lock');
	expect(keys.teamKeys('T')).toEqual([
		'pr:team:{T}',
		'pr:team:{T}:shares',
		'pr:team:{T}:circle',
		'pr:team:{T}:erase'
	]);
	expect(keys.pairingKeys('T')).toEqual({
		team: 'pr:team:{T}',
		shares: 'pr:team:{T}:shares',
		cards: 'pr:team:{T}:pairing:cards',
		pairing: 'pr:team:{T}:pairing',
		erase: 'pr:team:{T}:erase'
	});
	expect(keys.PLAYBOOK_KEYS).toEqual({
		bodies: 'pr:playbooks',
		byTime: 'pr:playbooks:by-time',
		summaries: 'pr:playbooks:summaries',
		deleteTokens: 'pr:playbooks:delete-tokens',
		hidden: 'pr:playbooks:hidden'
	});
});

test('the channels every instance of a deployment listens on keep their names', () => {
	expect(keys.feedChannel('R')).toBe('pr:room:{R}:feed');
	expect(keys.awarenessChannel('R')).toBe('pr:room:{R}:awareness');
	expect(keys.SOCKET_IO_PREFIX).toBe('pr:socket.io');
});
