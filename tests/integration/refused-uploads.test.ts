// A refused upload does not hold its connection: the answer comes at once, and the server reads
// on into the body only for a bounded linger before closing the socket, so the client gets the
// answer rather than a reset (docs/operations.md, HTTP timeouts).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { LINGER } from '../../server/http/linger';
import { MAX_CLIP_BYTES } from '../../src/lib/protocol/clips';
import { cleanupsAfterEach } from '../support/cleanups';
import { joinAs } from '../support/clients';
import { createRoom, startTestServer } from '../support/server';

const cleanups = cleanupsAfterEach();
let server: RunningServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

/** What came back on a raw connection, once the server closed it. */
interface Closed {
	answer: string;
	/** Body bytes the client had written when the socket closed. */
	sent: number;
	/** Milliseconds from the first byte of the answer to the close. */
	lingered: number;
	/** The connection ended in an error (a reset) rather than the server's close. */
	failed: boolean;
}

/** A body sent in two parts: the second once the answer has come, as an upload still under way. */
interface SplitBody {
	before: Buffer;
	after: Buffer;
}

/**
 * Sends `head`, then the body in two parts around the answer, or body bytes for as long as the
 * connection is open (`'trickle'`, an uploader on a slow link); answers what the server said once
 * it closed the socket.
 */
function upload(head: string, body: SplitBody | 'trickle'): Promise<Closed> {
	const { port } = server;
	return new Promise((resolve) => {
		const socket: Socket = connect(port, '127.0.0.1');
		cleanups.push(() => socket.destroy());
		let answer = '';
		let sent = 0;
		let answeredAt = 0;
		let failed = false;
		const chunk = Buffer.alloc(16 * 1024, 1);
		const trickle =
			body === 'trickle'
				? setInterval(() => {
						if (socket.writable) socket.write(chunk, () => (sent += chunk.length));
					}, 20)
				: undefined;
		socket.setEncoding('utf8');
		socket.on('data', (text: string) => {
			if (answeredAt === 0 && body !== 'trickle') {
				socket.write(body.after, (error) => {
					if (!error) sent += body.after.length;
				});
			}
			answeredAt ||= performance.now();
			answer += text;
		});
		socket.on('error', () => (failed = true));
		socket.on('close', () => {
			clearInterval(trickle);
			resolve({ answer, sent, lingered: performance.now() - answeredAt, failed });
		});
		socket.on('connect', () => {
			socket.write(head);
			if (body !== 'trickle') socket.write(body.before, () => (sent += body.before.length));
		});
	});
}

/** A speaker's clip upload declaring `length` bytes, as raw request head. */
async function clipHead(length: number): Promise<string> {
	const room = await createRoom(server.url);
	const speaker = await joinAs(server.url, room.id, 'Ana', { roleId: 'speaker' });
	cleanups.push(() => speaker.socket.disconnect());
	if (!speaker.reply.ok) throw new Error(speaker.reply.error.message);
	const query = new URLSearchParams({ participant: speaker.id, ticket: speaker.reply.docTicket });
	return [
		`POST /api/rooms/${room.id}/clips?${query} HTTP/1.1`,
		'Host: 127.0.0.1',
		'Content-Type: audio/webm',
		`Content-Length: ${length}`,
		'',
		''
	].join('\r\n');
}

const refusedAsTooLarge = (closed: Closed) => {
	expect(closed.answer).toMatch(/^HTTP\/1\.1 413 /);
	expect(closed.answer.toLowerCase()).toContain('connection: close');
	expect(closed.answer).toContain('"code":"clip_too_large"');
};

test('an oversize clip still being sent is answered at once and its socket closed within the linger', async () => {
	const declared = MAX_CLIP_BYTES * 4;
	const closed = await upload(await clipHead(declared), 'trickle');
	refusedAsTooLarge(closed);
	// Closed long before the declared body could have been sent, at the latest once the linger ran out.
	expect(closed.sent).toBeLessThan(declared);
	// It read on for the linger, not a moment longer than its bound.
	expect(closed.lingered).toBeGreaterThan(LINGER.ms - 500);
	expect(closed.lingered).toBeLessThan(LINGER.ms + 2_000);
}, 20_000);

test('a client still sending its oversize clip after the answer finishes it, with the whole answer and a clean close', async () => {
	const body = { before: Buffer.alloc(64 * 1024, 1), after: Buffer.alloc(MAX_CLIP_BYTES, 1) };
	const length = body.before.length + body.after.length;
	const closed = await upload(await clipHead(length), body);
	refusedAsTooLarge(closed);
	expect(closed.answer).toMatch(/\}$/);
	expect(closed.sent).toBe(length);
	expect(closed.failed).toBe(false);
	// Closed as soon as the body was in, not at the end of the linger.
	expect(closed.lingered).toBeLessThan(LINGER.ms);
}, 20_000);
