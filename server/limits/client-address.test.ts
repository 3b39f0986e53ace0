import { describe, expect, test } from 'vitest';
import { clientAddress, clientAddressKey, requestAddressKey } from './client-address';

describe('client address key', () => {
	test.each([
		['203.0.113.7', '203.0.113.7'],
		['::ffff:203.0.113.7', '203.0.113.7'],
		['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
		['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
		['2001:DB8:0001:0002::', '2001:db8:1:2::/64'],
		['2001:db8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['fe80::1%eth0', 'fe80:0:0:0::/64'],
		['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
		[undefined, 'unknown']
	])('%s is limited as %s', (address, key) => {
		expect(clientAddressKey(address)).toBe(key);
	});

	test('two addresses of one IPv6 /64 share a key; another /64 does not', () => {
		const key = clientAddressKey('2001:db8:aa:bb::1');
		expect(clientAddressKey('2001:db8:aa:bb:9999::2')).toBe(key);
		expect(clientAddressKey('2001:db8:aa:bc::1')).not.toBe(key);
	});
});

describe('client address behind trusted proxies', () => {
	const socket = '172.18.0.5';

	test('with no trusted proxy, X-Forwarded-For is ignored', () => {
		expect(clientAddress(socket, '203.0.113.7', 0)).toBe(socket);
	});

	test('with one trusted proxy, the entry that proxy appended is the client', () => {
		expect(clientAddress(socket, '203.0.113.7', 1)).toBe('203.0.113.7');
	});

	test("entries a client wrote itself, left of the proxy's, are ignored", () => {
		expect(clientAddress(socket, '198.51.100.1, 10.0.0.1, 203.0.113.7', 1)).toBe('203.0.113.7');
		expect(clientAddress(socket, 'not an address, 203.0.113.7', 1)).toBe('203.0.113.7');
	});

	test("with two trusted proxies, the entry before the inner proxy's is the client", () => {
		expect(clientAddress(socket, '198.51.100.1, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
	});

	test('a header shorter than the trusted hops gives its left-most entry', () => {
		expect(clientAddress(socket, '203.0.113.7', 3)).toBe('203.0.113.7');
	});

	test('IPv6 entries are read like IPv4 ones', () => {
		expect(clientAddress(socket, '2001:db8::1', 1)).toBe('2001:db8::1');
	});

	test('header lines sent more than once are read as one list', () => {
		expect(clientAddress(socket, ['198.51.100.1', '203.0.113.7'], 1)).toBe('203.0.113.7');
	});

	test.each([
		['a missing header', undefined],
		['an empty header', ''],
		['a trailing comma', '203.0.113.7,'],
		['a host name', 'proxy.example.org'],
		['an address with a port', '203.0.113.7:4711'],
		['an IPv6 address in brackets', '[2001:db8::1]'],
		['an unknown marker', 'unknown']
	])('%s falls back to the socket address', (_what, header) => {
		expect(clientAddress(socket, header, 1)).toBe(socket);
	});

	test('a malformed entry among the trusted ones falls back to the socket address', () => {
		expect(clientAddress(socket, '203.0.113.7, garbage', 2)).toBe(socket);
	});

	test('the request key applies the /64 rule to the forwarded address', () => {
		const request = (forwardedFor: string) => ({
			socket: { remoteAddress: socket },
			headers: { 'x-forwarded-for': forwardedFor }
		});
		expect(requestAddressKey(request('2001:db8:1:2::9'), 1)).toBe('2001:db8:1:2::/64');
		expect(requestAddressKey(request('2001:db8:1:2::9'), 0)).toBe(socket);
	});
});
