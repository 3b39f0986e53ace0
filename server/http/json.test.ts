import { expect, test } from 'vitest';
import { z } from 'zod';
import { HttpProblem, parseRequest } from './json';

const schema = z.object({ name: z.string(), count: z.number() });

test('a request the schema accepts is answered as parsed', () => {
	expect(parseRequest(schema, { name: 'a', count: 1, extra: true }, 'no')).toEqual({
		name: 'a',
		count: 1
	});
});

test('a request the schema refuses is a 400 invalid_request naming every problem', () => {
	let thrown: unknown;
	try {
		parseRequest(schema, { count: 'one' }, 'The request is not a valid thing.');
	} catch (error) {
		thrown = error;
	}
	if (!(thrown instanceof HttpProblem)) throw new Error(`not an HttpProblem: ${String(thrown)}`);
	expect(thrown.status).toBe(400);
	expect(thrown.message).toBe('The request is not a valid thing.');
	expect(thrown.details.code).toBe('invalid_request');
	expect(thrown.details.problems?.map((line) => line.split(':')[0])).toEqual(['name', 'count']);
});
