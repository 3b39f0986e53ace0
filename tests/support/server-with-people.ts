import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../server/app';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import { cleanupsAfterEach } from './cleanups';
import { connectSynced, joinAs, type JoinedPerson } from './clients';
import { startTestServer, type TestServerOptions } from './server';

/**
 * For one test file: a server started before its tests and closed after them, and people joining
 * its rooms. What a test opens (through these or on `cleanups`) is closed after that test.
 */
export function serverWithPeople(options: TestServerOptions = {}) {
	let running: RunningServer | undefined;
	beforeAll(async () => {
		running = await startTestServer(options);
	});
	afterAll(() => running?.close());
	const cleanups = cleanupsAfterEach();

	const server = {
		get url(): string {
			if (!running) throw new Error('the server starts in the file’s beforeAll');
			return running.url;
		}
	};

	/** Someone joining `roomId` as `name`, admitted or not (`reply` says which). */
	async function person(
		roomId: string,
		name: string,
		joinOptions: Parameters<typeof joinAs>[3] = {}
	): Promise<JoinedPerson> {
		const joined = await joinAs(server.url, roomId, name, joinOptions);
		cleanups.push(() => joined.socket.disconnect());
		return joined;
	}

	/** Someone the room admits; a refusal fails the test. */
	async function joined(
		roomId: string,
		name: string,
		joinOptions: Parameters<typeof person>[2] = {}
	): Promise<JoinedPerson> {
		const p = await person(roomId, name, joinOptions);
		if (!p.reply.ok) throw new Error(p.reply.error.message);
		return p;
	}

	/** A stock document client on the room, synced, reading its control map. */
	async function observe(roomId: string) {
		const client = await connectSynced(server.url, roomId);
		cleanups.push(() => client.provider.destroy());
		const control = client.doc.getMap(CONTROL_MAP);
		return { doc: client.doc, get: (key: string) => control.get(key) };
	}

	return { server, cleanups, person, joined, observe };
}
