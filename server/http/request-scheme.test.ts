import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { requestScheme } from './request-scheme';

// reason: requestScheme reads only the headers; a whole IncomingMessage needs a real socket.
const request = (proto?: string) =>
	({ headers: proto === undefined ? {} : { 'x-forwarded-proto': proto } }) as IncomingMessage;

describe('the scheme a request came with', () => {
	test('is http without a trusted proxy, whatever the client says', () => {
		expect(requestScheme(request('https'), 0)).toBe('http');
	});

	test('is what a trusted proxy wrote first in X-Forwarded-Proto', () => {
		expect(requestScheme(request('https'), 1)).toBe('https');
		expect(requestScheme(request('HTTPS, http'), 1)).toBe('https');
		expect(requestScheme(request('http'), 1)).toBe('http');
	});

	test('is http when the header is missing or names something else', () => {
		expect(requestScheme(request(), 1)).toBe('http');
		expect(requestScheme(request('wss'), 2)).toBe('http');
	});
});
