// A refused upload does not hold its connection: the answer comes at once and the server closes
// the socket rather than draining a body nobody will read (docs/operations.md, HTTP timeouts).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
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
}

/**
 * Sends `head` and then body bytes for as long as the connection is open, as an uploader on a
 * slow link would; answers what the server said once it closed the socket.
 */
function sendUntilClosed(head: string): Promise<Closed> {
	const { port } = server;
	return new Promise((resolve) => {
		const socket: Socket = connect(port, '127.0.0.1');
		cleanups.push(() => socket.destroy());
		let answer = '';
		let sent = 0;
		const chunk = Buffer.alloc(16 * 1024, 1);
		const trickle = setInterval(() => {
			if (socket.writable) socket.write(chunk, () => (sent += chunk.length));
		}, 20);
		socket.setEncoding('utf8');
		socket.on('data', (text: string) => (answer += text));
		// A reset after the answer is a close too: the server stopped reading.
		socket.on('error', () => {});
		socket.on('close', () => {
			clearInterval(trickle);
			resolve({ answer, sent });
		});
		socket.on('connect', () => socket.write(head));
	});
}

test('an oversize clip refused before its body is read is answered at once and its socket closed', async () => {
	const room = await createRoom(server.url);
	const speaker = await joinAs(server.url, room.id, 'Ana', { roleId: 'speaker' });
	cleanups.push(() => speaker.socket.disconnect());
	if (!speaker.reply.ok) throw new Error(speaker.reply.error.message);
	const query = new URLSearchParams({ participant: speaker.id, ticket: speaker.reply.docTicket });
	const declared = MAX_CLIP_BYTES * 4;
	const closed = await sendUntilClosed(
		[
			`POST /api/rooms/${room.id}/clips?${query} HTTP/1.1`,
			'Host: 127.0.0.1',
			'Content-Type: audio/webm',
			`Content-Length: ${declared}`,
			'',
			''
		].join('\r\n')
	);
	expect(closed.answer).toMatch(/^HTTP\/1\.1 413 /);
	expect(closed.answer.toLowerCase()).toContain('connection: close');
	expect(closed.answer).toContain('"code":"clip_too_large"');
	// Closed long before the declared body could have been sent.
	expect(closed.sent).toBeLessThan(declared);
}, 20_000);
