import { describe, expect, test } from 'vitest';
import { StoredDataTooNewError } from './storage/migrations';
import { startFailure } from './start-failure';

describe('what a failed start-up logs', () => {
	test('data from a newer release is one message saying what to do, without a stack', () => {
		const failure = startFailure(new StoredDataTooNewError('The database /data/x.sqlite', 9, 2));
		expect(failure).toEqual({
			message: expect.stringMatching(
				/schema version 9, written by a newer Practice Room.*up to version 2/
			)
		});
		expect(failure).not.toHaveProperty('err');
	});

	test('any other failure is logged with the error, stack and all', () => {
		const error = new Error('disk I/O error');
		expect(startFailure(error)).toEqual({ message: 'the server could not start', err: error });
	});

	test('a port in use or not allowed is one sentence naming it and PORT, without a stack', () => {
		// The shape of the error Node's net.Server emits when listen fails.
		const listenError = (code: string) =>
			Object.assign(new Error(`listen ${code}: address already in use 127.0.0.1:3000`), {
				code,
				syscall: 'listen',
				address: '127.0.0.1',
				port: 3000
			});
		expect(startFailure(listenError('EADDRINUSE'))).toEqual({
			message:
				'port 3000 on 127.0.0.1 is already in use: stop what uses it, or set PORT to another port'
		});
		expect(startFailure(listenError('EACCES'))).toEqual({
			message:
				'port 3000 on 127.0.0.1 may not be opened by this user: set PORT to a port from 1024 up'
		});
	});
});
