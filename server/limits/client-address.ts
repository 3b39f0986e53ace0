import { isIPv4, isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The eight 16-bit groups of an IPv6 address, as numbers; undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
	if (!isIPv6(address)) return undefined;
	const [head = '', tail] = address.split('::');
	const parse = (part: string): number[] =>
		part === ''
			? []
			: part.split(':').flatMap((group) => {
					if (!group.includes('.')) return [Number.parseInt(group, 16)];
					// An embedded IPv4 address fills the last two groups.
					const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
					return [(a << 8) | b, (c << 8) | d];
				});
	const front = parse(head);
	const back = tail === undefined ? [] : parse(tail);
	return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The key under which a client address is limited: an IPv4 address as it is (also when it
 * arrives IPv4-mapped, `::ffff:a.b.c.d`), an IPv6 address by its /64 network, since one
 * household or server is usually given a whole /64 and could otherwise rotate through it.
 */
export function clientAddressKey(address: string | undefined): string {
	if (address === undefined) return 'unknown';
	const withoutZone = address.split('%')[0] ?? address;
	const mapped = IPV4_MAPPED.exec(withoutZone)?.[1];
	if (mapped !== undefined && isIPv4(mapped)) return mapped;
	const groups = ipv6Groups(withoutZone);
	if (!groups) return withoutZone;
	return `${groups
		.slice(0, 4)
		.map((group) => group.toString(16))
		.join(':')}::/64`;
}
