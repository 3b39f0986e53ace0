import { ClientOfflineError, SocketClosedUnexpectedlyError } from 'redis';
import { describe, expect, test } from 'vitest';
import { failureOf, ServiceUnavailable } from './failure';
import { RoomBusy } from '../rooms/room-lock';
import { HttpProblem } from './json';

describe('failureOf', () => {
	test('a problem the route raised is the client’s, answered with its status and words', () => {
		const tooMany = new HttpProblem(429, 'Slow down.', {
			code: 'rate_limited',
			problems: [],
			refused: 'room_starts'
		});
		expect(failureOf(tooMany)).toEqual({
			type: 'refused',
			status: 429,
			body: { error: 'Slow down.', code: 'rate_limited', problems: [] },
			refused: 'room_starts'
		});
		expect(
			failureOf(new HttpProblem(404, 'No such room.', { code: 'room_not_found' }))
		).toMatchObject({
			type: 'refused',
			status: 404,
			refused: undefined
		});
	});

	test('a problem’s params travel with its code, for the browser to word it', () => {
		const unknown = new HttpProblem(400, 'There is no playbook "x".', {
			code: 'unknown_playbook',
			params: { id: 'x' }
		});
		expect(failureOf(unknown)).toMatchObject({
			body: { error: 'There is no playbook "x".', code: 'unknown_playbook', params: { id: 'x' } }
		});
	});

	test('Redis down, or a backend out of time, is 503 and names the backend', () => {
		expect(failureOf(new ClientOfflineError())).toMatchObject({
			type: 'unavailable',
			status: 503,
			dependency: 'redis'
		});
		expect(failureOf(new SocketClosedUnexpectedlyError())).toMatchObject({ status: 503 });
		// Another instance's changes not arriving in time (catching up before a ticket is checked).
		expect(failureOf(new RoomBusy('room', 'not caught up'))).toMatchObject({
			status: 503,
			body: { code: 'unavailable' },
			dependency: 'redis'
		});
		expect(failureOf(new ServiceUnavailable('storage'))).toMatchObject({
			status: 503,
			body: { code: 'unavailable' },
			dependency: 'storage'
		});
	});

	test('anything else is the server’s fault: 500, and nothing of the error in the answer', () => {
		const failure = failureOf(new RangeError('Maximum call stack size exceeded'));
		expect(failure).toEqual({
			type: 'failed',
			status: 500,
			body: { error: 'Something went wrong on the server.', code: 'internal' }
		});
		expect(failureOf('a thrown string')).toMatchObject({ status: 500 });
	});
});
