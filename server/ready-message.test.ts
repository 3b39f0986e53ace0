import { expect, test } from 'vitest';
import { readyMessage } from './ready-message';

test('names the address and the data folder', () => {
	expect(readyMessage('http://localhost:3000', { DATA_DIR: './data', REDIS_URL: undefined })).toBe(
		'Practice Room is running at http://localhost:3000 — data in ./data'
	);
});

test('with Redis, says so without showing its URL (it may carry a password)', () => {
	const message = readyMessage('http://localhost:3000', {
		DATA_DIR: './data',
		REDIS_URL: 'redis://:secret@cache:6379'
	});
	expect(message).toBe(
		'Practice Room is running at http://localhost:3000 — data in Redis (REDIS_URL)'
	);
	expect(message).not.toContain('secret');
});
