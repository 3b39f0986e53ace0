import { describe, expect, test } from 'vitest';
import type { CreateRoomReply } from '../../src/lib/protocol/http';
import { cleanupsAfterEach } from '../support/cleanups';
import { startTestServer } from '../support/server';

/**
 * TRUST_PROXY (README: Configuration): behind a load balancer every request comes from the
 * balancer's address, so the room-start limit (docs/protocol.md, L5) reads the client from
 * X-Forwarded-For, but only when the proxy is trusted.
 */

const cleanups = cleanupsAfterEach();

async function serverTrusting(trustProxy: number) {
	const server = await startTestServer({ trustProxy, roomsPerAddressPerHour: 2 });
	cleanups.push(() => server.close());
	return server;
}

/** Starts a room as a request the proxy forwarded with these headers; answers its status. */
async function startRoom(baseUrl: string, headers: Record<string, string>) {
	const response = await fetch(`${baseUrl}/api/rooms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ playbookId: 'active-listening-sprint' })
	});
	return {
		status: response.status,
		reply: response.status === 201 ? ((await response.json()) as CreateRoomReply) : undefined
	};
}

const alice = { 'x-forwarded-for': '203.0.113.7' };
const bob = { 'x-forwarded-for': '198.51.100.23' };

describe('TRUST_PROXY', () => {
	test('with one trusted proxy, two forwarded clients get a limit each', async () => {
		const server = await serverTrusting(1);
		expect((await startRoom(server.url, alice)).status).toBe(201);
		expect((await startRoom(server.url, alice)).status).toBe(201);
		expect((await startRoom(server.url, alice)).status).toBe(429);
		expect((await startRoom(server.url, bob)).status).toBe(201);
	});

	test('with one trusted proxy, an address the client put in front of its own is ignored', async () => {
		const server = await serverTrusting(1);
		expect((await startRoom(server.url, alice)).status).toBe(201);
		expect((await startRoom(server.url, alice)).status).toBe(201);
		const spoofed = { 'x-forwarded-for': `192.0.2.99, ${alice['x-forwarded-for']}` };
		expect((await startRoom(server.url, spoofed)).status).toBe(429);
	});

	test('with no trusted proxy, every client shares the socket address and one limit', async () => {
		const server = await serverTrusting(0);
		expect((await startRoom(server.url, alice)).status).toBe(201);
		expect((await startRoom(server.url, alice)).status).toBe(201);
		expect((await startRoom(server.url, bob)).status).toBe(429);
	});

	test('X-Forwarded-Proto sets the scheme of room links only from a trusted proxy', async () => {
		const https = { 'x-forwarded-proto': 'https' };
		const trusting = await serverTrusting(1);
		expect((await startRoom(trusting.url, https)).reply?.url).toMatch(/^https:\/\//);
		const ignoring = await serverTrusting(0);
		expect((await startRoom(ignoring.url, https)).reply?.url).toMatch(/^http:\/\//);
	});
});
