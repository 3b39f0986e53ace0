import { expect, test } from 'vitest';
import { RespCommandCounter } from './redis-commands';

/** A command as a client sends it: an array of bulk strings. */
const resp = (...args: (string | Buffer)[]) =>
	Buffer.concat([
		Buffer.from(`*${args.length}\r\n`),
		...args.flatMap((arg) => [
			Buffer.from(`$${Buffer.byteLength(arg)}\r\n`),
			Buffer.from(arg),
			Buffer.from('\r\n')
		])
	]);

test('counts pipelined commands by lower-case name', () => {
	const counter = new RespCommandCounter();
	counter.feed(
		Buffer.concat([resp('EVALSHA', 'abc', '1', 'k'), resp('publish', 'c', 'x'), resp('PING')])
	);
	expect(counter.counts).toEqual({ evalsha: 1, publish: 1, ping: 1 });
});

test('counts the same however the bytes are split into writes, one byte at a time included', () => {
	const bytes = Buffer.concat([
		resp('PUBLISH', 'channel', 'payload'),
		resp('XRANGE', 'k', '-', '+')
	]);
	const counter = new RespCommandCounter();
	for (const byte of bytes) counter.feed(Uint8Array.of(byte));
	expect(counter.counts).toEqual({ publish: 1, xrange: 1 });
});

test('skips payloads by length, so bytes in them that look like commands are not counted', () => {
	const counter = new RespCommandCounter();
	const payload = Buffer.concat([resp('SET', 'a', 'b'), Buffer.from('\r\n*1\r\n')]);
	counter.feed(resp('PUBLISH', 'channel', payload));
	expect(counter.counts).toEqual({ publish: 1 });
});
