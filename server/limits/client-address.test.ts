import { describe, expect, test } from 'vitest';
import { clientAddressKey } from './client-address';

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
