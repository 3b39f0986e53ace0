import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/app';
import { MAX_CLIP_BYTES, type ClipUploadReply } from '../../src/lib/protocol/clips';
import { cleanupsAfterEach } from '../support/cleanups';
import { joinAs } from '../support/clients';
import { oggClip, webmClip } from '../support/opus-clips';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createRoom, startTestServer, tempDir } from '../support/server';
import { redisText, sqliteBytes } from '../support/stored-bytes';
import { waitFor } from '../support/wait';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(() => redis.stop());

const cleanups = cleanupsAfterEach();

/** A clip whose packets are `marker`, to look for in the store. */
const markedClip = (marker: string, durationMs = 3_000) => webmClip(durationMs, { filler: marker });

describe.each([
	['embedded SQLite', false],
	['Redis', true]
])('[B1]–[B8] voice clips over HTTP with %s', (_name, useRedis) => {
	let server: RunningServer;
	const dataDir = tempDir();
	beforeAll(async () => {
		if (useRedis) await redis.flush();
		server = await startTestServer({ redisUrl: useRedis ? redis.url : undefined, dataDir });
	});
	afterAll(() => server.close());

	async function stored(): Promise<string> {
		if (!useRedis) return sqliteBytes(dataDir);
		return redisText(redis.url);
	}

	async function person(roomId: string, options: { hostKey?: string; roleId?: string } = {}) {
		const joined = await joinAs(server.url, roomId, 'Someone', options);
		cleanups.push(() => joined.socket.disconnect());
		if (!joined.reply.ok) throw new Error(joined.reply.error.message);
		const query = new URLSearchParams({ participant: joined.id, ticket: joined.reply.docTicket });
		return { ...joined, query: `?${query}` };
	}

	const upload = (roomId: string, bytes: Uint8Array, query: string, type = 'audio/webm') =>
		fetch(`${server.url}/api/rooms/${roomId}/clips${query}`, {
			method: 'POST',
			headers: { 'content-type': type },
			body: Buffer.from(bytes)
		});

	async function uploaded(roomId: string, bytes: Uint8Array, query: string) {
		const response = await upload(roomId, bytes, query);
		expect(response.status).toBe(201);
		return (await response.json()) as ClipUploadReply;
	}

	test('[B1] [B2] a member uploads a clip and another streams it whole and by ranges', async () => {
		const room = await createRoom(server.url);
		const speaker = await person(room.id, { roleId: 'speaker' });
		const listener = await person(room.id);
		const bytes = webmClip(5_000);
		const reply = await uploaded(room.id, bytes, speaker.query);
		expect(reply).toMatchObject({
			path: `/api/rooms/${room.id}/clips/${reply.clipId}`,
			type: 'audio/webm',
			bytes: bytes.length,
			durationMs: 4_980
		});
		expect(reply.clipId).toMatch(/^[A-Za-z0-9_-]{22}$/);

		const whole = await fetch(`${server.url}${reply.path}${listener.query}`);
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-type')).toBe('audio/webm');
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect(whole.headers.get('cache-control')).toBe('no-store');
		expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);

		const part = await fetch(`${server.url}${reply.path}${listener.query}`, {
			headers: { range: 'bytes=10-19' }
		});
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
		expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(10, 20));

		const past = await fetch(`${server.url}${reply.path}${listener.query}`, {
			headers: { range: `bytes=${bytes.length}-` }
		});
		expect(past.status).toBe(416);
		expect(past.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
	});

	test('[B3] Ogg Opus is taken too, its type read from the bytes', async () => {
		const room = await createRoom(server.url);
		const speaker = await person(room.id);
		// Sent with the other container's type: the bytes decide.
		const response = await upload(room.id, oggClip(2_000), speaker.query, 'audio/webm');
		expect(response.status).toBe(201);
		expect(await response.json()).toMatchObject({ type: 'audio/ogg', durationMs: 2_000 });
	});

	test('[B3] [B8] an oversized, overlong or non-audio upload is refused with a code and stores nothing', async () => {
		const room = await createRoom(server.url);
		const speaker = await person(room.id);
		const marker = `REFUSED${process.pid}x${Date.now()}`;
		const text = (words: string) => new TextEncoder().encode(words);
		const oversized = new Uint8Array(MAX_CLIP_BYTES + 1);
		oversized.set(markedClip(marker, 1_000));
		const refusals: [Uint8Array, string, number, string][] = [
			[oversized, 'audio/webm', 413, 'clip_too_large'],
			[markedClip(marker, 4 * 60 * 1000), 'audio/webm', 413, 'clip_too_long'],
			[text(`<svg onload=alert(1)>${marker}</svg>`), 'audio/ogg', 415, 'clip_not_opus'],
			[markedClip(marker, 1_000), 'text/plain', 415, 'clip_not_opus'],
			[markedClip(marker, 1_000), 'application/json', 415, 'clip_not_opus']
		];
		for (const [bytes, type, status, code] of refusals) {
			const response = await upload(room.id, bytes, speaker.query, type);
			expect(response.status, code).toBe(status);
			expect(await response.json(), code).toMatchObject({ code, error: expect.any(String) });
		}
		expect((await stored()).includes(marker), 'a refused clip was stored').toBe(false);
	});

	test('[B5] access follows the document connection: a ticket to upload, the link while unlocked, nobody removed or locked out', async () => {
		const room = await createRoom(server.url);
		const host = await person(room.id, { hostKey: room.hostKey, roleId: 'speaker' });
		const other = await person(room.id);
		const reply = await uploaded(room.id, webmClip(1_000), host.query);
		const clipUrl = (query: string) => `${server.url}${reply.path}${query}`;

		// Anyone with the link reads while the room is unlocked, as the document (Y9), but writes no clip.
		expect((await fetch(clipUrl(''))).status).toBe(200);
		const anonymous = await upload(room.id, webmClip(1_000), '');
		expect(anonymous.status).toBe(403);
		expect(await anonymous.json()).toMatchObject({ code: 'clip_needs_ticket' });
		// A ticket that is not this room's is only the link.
		const forged = `?participant=${other.id}&ticket=${'x'.repeat(43)}`;
		expect((await upload(room.id, webmClip(1_000), forged)).status).toBe(403);

		// Locked: the link reads nothing more; those in the room when it was locked still do.
		expect(await host.send({ type: 'host.lock-room', locked: true })).toEqual({ ok: true });
		const locked = await fetch(clipUrl(''));
		expect(locked.status).toBe(403);
		expect(await locked.json()).toMatchObject({ code: 'clip_not_allowed' });
		expect((await fetch(clipUrl(other.query))).status).toBe(200);
		expect(await host.send({ type: 'host.lock-room', locked: false })).toEqual({ ok: true });

		// Removed: their ticket reads and writes nothing.
		expect(await host.send({ type: 'host.remove', participantId: other.id })).toEqual({ ok: true });
		expect((await fetch(clipUrl(other.query))).status).toBe(403);
		expect((await upload(room.id, webmClip(1_000), other.query)).status).toBe(403);
	});

	/** The status of an upload that declares `MAX_CLIP_BYTES` and sends only its first bytes. */
	function statusOfStalledUpload(roomId: string, query: string): Promise<number> {
		return new Promise((resolve, reject) => {
			const req = request(`${server.url}/api/rooms/${roomId}/clips${query}`, {
				method: 'POST',
				headers: { 'content-type': 'audio/webm', 'content-length': MAX_CLIP_BYTES }
			});
			req.on('response', (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
				req.destroy();
			});
			req.on('error', reject);
			req.write(webmClip(1_000).subarray(0, 16));
		});
	}

	test('[B5] an upload without a ticket, or to no room, is refused before its body is read', async () => {
		const room = await createRoom(server.url);
		// Not refused until 2 MiB arrived, anyone could hold 2 MiB of memory per connection.
		expect(await statusOfStalledUpload(room.id, '')).toBe(403);
		expect(await statusOfStalledUpload('A'.repeat(22), '')).toBe(404);
	}, 5_000);

	test('[B6] only the owner deletes a clip; anyone else gets 404, as for no clip', async () => {
		const room = await createRoom(server.url);
		const owner = await person(room.id);
		const other = await person(room.id);
		const reply = await uploaded(room.id, webmClip(1_000), owner.query);
		const remove = (query: string) =>
			fetch(`${server.url}${reply.path}${query}`, { method: 'DELETE' });
		expect((await remove(other.query)).status).toBe(404);
		expect((await fetch(`${server.url}${reply.path}${other.query}`)).status).toBe(200);
		expect((await remove(owner.query)).status).toBe(204);
		expect((await fetch(`${server.url}${reply.path}${owner.query}`)).status).toBe(404);
	});

	test('[B7] erasing the room erases its clips: their URLs answer 404 and no byte is left', async () => {
		const room = await createRoom(server.url);
		const host = await person(room.id, { hostKey: room.hostKey, roleId: 'speaker' });
		const marker = `VOICE${process.pid}x${Date.now()}`;
		const reply = await uploaded(room.id, markedClip(marker), host.query);
		await waitFor(async () => (await stored()).includes(marker), 'the clip to be stored');

		expect(await host.send({ type: 'room.erase' })).toEqual({ ok: true });
		await waitFor(
			async () => (await fetch(`${server.url}${reply.path}${host.query}`)).status === 404,
			'the clip to answer 404'
		);
		expect((await stored()).includes(marker), 'the clip’s bytes are still stored').toBe(false);
		expect((await upload(room.id, webmClip(1_000), host.query)).status).toBe(404);
	});

	test('[B4] a room holds at most its share of clips; a refused one stores nothing', async () => {
		const room = await createRoom(server.url);
		const speaker = await person(room.id);
		// 1.9 MB each, under the clip limit: the room's 40 MB holds 21 of them.
		const big = webmClip(60_000, { blockBytes: 630 });
		expect(big.length).toBeLessThan(MAX_CLIP_BYTES);
		let status = 201;
		let sent = 0;
		while (status === 201 && sent < 40) {
			const response = await upload(room.id, big, speaker.query);
			status = response.status;
			if (status === 201) sent++;
			else expect(await response.json()).toMatchObject({ code: 'room_clips_full' });
		}
		expect(status).toBe(507);
		expect(sent).toBe(Math.floor((20 * MAX_CLIP_BYTES) / big.length));
	});
});

test('[LB1] clip uploads per client address are limited per hour, with Retry-After; refused ones do not count', async () => {
	const server = await startTestServer({ clipUploadsPerAddressPerHour: 2 });
	cleanups.push(() => server.close());
	const room = await createRoom(server.url);
	const joined = await joinAs(server.url, room.id, 'Someone');
	cleanups.push(() => joined.socket.disconnect());
	if (!joined.reply.ok) throw new Error(joined.reply.error.message);
	const query = new URLSearchParams({ participant: joined.id, ticket: joined.reply.docTicket });
	const upload = (bytes: Uint8Array) =>
		fetch(`${server.url}/api/rooms/${room.id}/clips?${query}`, {
			method: 'POST',
			headers: { 'content-type': 'audio/webm' },
			body: Buffer.from(bytes)
		});
	expect((await upload(new Uint8Array(64))).status).toBe(415);
	expect((await upload(webmClip(1_000))).status).toBe(201);
	expect((await upload(webmClip(1_000))).status).toBe(201);
	const limited = await upload(webmClip(1_000));
	expect(limited.status).toBe(429);
	expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(await limited.json()).toMatchObject({ code: 'clip_uploads_limited' });
});
