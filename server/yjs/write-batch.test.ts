import {
	createConnection,
	createServer,
	type AddressInfo,
	type Server,
	type Socket
} from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { writeBatched } from './write-batch';

let server: Server | undefined;
const clients: Socket[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	const closing = server;
	server = undefined;
	if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
});

async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** `count` TCP connections: the server's side to write to, and what the client side received. */
async function connections(count: number): Promise<{ socket: Socket; received: () => string }[]> {
	const accepted: Socket[] = [];
	const listening = createServer((socket) => accepted.push(socket));
	server = listening;
	await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
	const { port } = listening.address() as AddressInfo;
	const made = [];
	for (let i = 0; i < count; i++) {
		const chunks: Buffer[] = [];
		const client = createConnection(port, '127.0.0.1');
		clients.push(client);
		client.on('data', (chunk: Buffer) => chunks.push(chunk));
		await until(() => accepted.length === i + 1);
		made.push({ socket: accepted[i]!, received: () => Buffer.concat(chunks).toString() });
	}
	return made;
}

test('frames written in one round are held, in order, until the round ends, then go out', async () => {
	const [connection] = await connections(1);
	const { socket, received } = connection!;
	writeBatched(socket, Buffer.from('one,'));
	writeBatched(socket, Buffer.from('two,'));
	writeBatched(socket, Buffer.from('three'));
	// Nothing handed to the system yet: the three go in one write when the round ends.
	expect(socket.writableCorked).toBe(1);
	expect(socket.writableLength).toBe('one,two,three'.length);
	await until(() => received() === 'one,two,three');
	expect(socket.writableCorked).toBe(0);
});

test('every socket written to in a round is released, and the next round holds again', async () => {
	const [first, second] = await connections(2);
	writeBatched(first!.socket, Buffer.from('a'));
	writeBatched(second!.socket, Buffer.from('a'));
	writeBatched(first!.socket, Buffer.from('b'));
	await until(() => first!.received() === 'ab' && second!.received() === 'a');

	writeBatched(second!.socket, Buffer.from('c'));
	expect(second!.socket.writableCorked).toBe(1);
	await until(() => second!.received() === 'ac');
});

test('a socket destroyed before its round ends is let go; the others are still written', async () => {
	const [gone, staying] = await connections(2);
	writeBatched(gone!.socket, Buffer.from('lost'));
	writeBatched(staying!.socket, Buffer.from('kept'));
	gone!.socket.destroy();
	await until(() => staying!.received() === 'kept');
	expect(gone!.received()).toBe('');
});
