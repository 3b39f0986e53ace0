import { describe, expect, test } from 'vitest';
import { isCrossSiteWrite, type OriginFacts } from './request-origin';

const post = (facts: Partial<OriginFacts>): OriginFacts => ({
	method: 'POST',
	origin: undefined,
	host: 'practice.example.org',
	publicUrl: undefined,
	...facts
});

describe('isCrossSiteWrite', () => {
	test('a POST from a page of another site is cross-site', () => {
		expect(isCrossSiteWrite(post({ origin: 'https://evil.example' }))).toBe(true);
		expect(isCrossSiteWrite(post({ origin: 'https://practice.example.org.evil.example' }))).toBe(
			true
		);
	});

	test('another port of the same host is another origin', () => {
		expect(isCrossSiteWrite(post({ origin: 'http://practice.example.org:8080' }))).toBe(true);
	});

	test('a POST from the app’s own pages passes, whatever the scheme a proxy ended', () => {
		expect(isCrossSiteWrite(post({ origin: 'https://practice.example.org' }))).toBe(false);
		expect(isCrossSiteWrite(post({ origin: 'http://Practice.Example.org' }))).toBe(false);
		expect(
			isCrossSiteWrite(post({ origin: 'http://localhost:3000', host: 'localhost:3000' }))
		).toBe(false);
	});

	test('PUBLIC_URL’s origin passes even when the Host header differs', () => {
		expect(
			isCrossSiteWrite(
				post({
					origin: 'https://practice.example.org',
					host: 'app:3000',
					publicUrl: 'https://practice.example.org/'
				})
			)
		).toBe(false);
		expect(
			isCrossSiteWrite(
				post({ origin: 'https://evil.example', publicUrl: 'https://practice.example.org' })
			)
		).toBe(true);
	});

	test('no Origin (curl, stock clients) passes; Origin null or garbage does not', () => {
		expect(isCrossSiteWrite(post({}))).toBe(false);
		expect(isCrossSiteWrite(post({ origin: 'null' }))).toBe(true);
		expect(isCrossSiteWrite(post({ origin: 'not a url' }))).toBe(true);
	});

	test('reads are never refused, whoever sends them', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS']) {
			expect(isCrossSiteWrite(post({ method, origin: 'https://evil.example' }))).toBe(false);
		}
		expect(isCrossSiteWrite(post({ method: 'DELETE', origin: 'https://evil.example' }))).toBe(true);
	});
});
