import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from './ws-frame';

/** A server that writes frames straight to the socket `ws` took over, as the Yjs endpoint does. */
const http = createServer();
const wss = new WebSocketServer({ noServer: true });
let sockets: Duplex[] = [];
http.on('upgrade', (request, socket, head) =>
	wss.handleUpgrade(request, socket, head, () => sockets.push(socket))
);

beforeAll(() => new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve)));
afterAll(() => {
	for (const ws of wss.clients) ws.terminate();
	return new Promise<void>((resolve) => http.close(() => resolve()));
});

/** What a stock `ws` client receives when the server writes `frames` to its socket. */
async function received(frames: Buffer[]): Promise<{ data: Buffer; isBinary: boolean }[]> {
	sockets = [];
	const { port } = http.address() as AddressInfo;
	const client = new WebSocket(`ws://127.0.0.1:${port}`);
	const messages: { data: Buffer; isBinary: boolean }[] = [];
	const all = new Promise<void>((resolve, reject) => {
		client.on('message', (data: Buffer, isBinary) => {
			if (messages.push({ data, isBinary }) === frames.length) resolve();
		});
		client.on('error', reject);
		client.on('close', (code) => reject(new Error(`closed with ${code}`)));
	});
	await new Promise((resolve) => client.once('open', resolve));
	for (const frame of frames) sockets[0]!.write(frame);
	await all;
	client.terminate();
	return messages;
}

const payload = (length: number) => Uint8Array.from({ length }, (_, i) => i % 251);

test.each([0, 1, 125, 126, 65_535, 65_536, 300_000])(
	'a payload of %i bytes reaches a stock client as one binary message with the same bytes',
	async (length) => {
		const messages = await received([binaryFrame(payload(length))]);
		expect(messages).toHaveLength(1);
		expect(messages[0]!.isBinary).toBe(true);
		expect(new Uint8Array(messages[0]!.data)).toEqual(payload(length));
	}
);

test('frames written one after another arrive as as many messages, in order', async () => {
	const messages = await received([1, 200, 70_000].map((length) => binaryFrame(payload(length))));
	expect(messages.map((message) => message.data.byteLength)).toEqual([1, 200, 70_000]);
});
