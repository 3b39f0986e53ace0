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
});
