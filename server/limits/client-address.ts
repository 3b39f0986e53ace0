import type { IncomingHttpHeaders } from 'node:http';
import { isIP, isIPv4, isIPv6 } from 'node:net';

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

/**
 * The address a request came from, for limits. With `trustedHops` 0 it is the socket's peer and
 * X-Forwarded-For is ignored, since anyone can write that header. Behind `trustedHops` proxies
 * that each append the address they received the request from (nginx's
 * `$proxy_add_x_forwarded_for`), the last `trustedHops - 1` entries were written by the inner
 * proxies and the entry before them by the outermost one: that entry is the client, and
 * whatever stands left of it came from the client itself and is ignored. When the header has
 * fewer entries than that, the left-most (the furthest known) is the client. A header that is
 * missing, empty, or has anything but a bare IPv4 or IPv6 address where an entry is read gives
 * the socket's peer again: a proxy that writes no usable header is not believed at all.
 */
export function clientAddress(
	socketAddress: string | undefined,
	forwardedFor: string | string[] | undefined,
	trustedHops: number
): string | undefined {
	if (trustedHops <= 0 || forwardedFor === undefined) return socketAddress;
	const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
	const entries = header.split(',').map((entry) => entry.trim());
	const read = entries.slice(Math.max(0, entries.length - trustedHops));
	if (!read.every((entry) => isIP(entry) !== 0)) return socketAddress;
	return read[0];
}

/** The limit key of the client behind a request (clientAddress, then clientAddressKey). */
export function requestAddressKey(
	req: { socket: { remoteAddress?: string | undefined }; headers: IncomingHttpHeaders },
	trustedHops: number
): string {
	return clientAddressKey(
		clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedHops)
	);
}
