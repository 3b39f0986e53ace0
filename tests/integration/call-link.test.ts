import { describe, expect, test } from 'vitest';
import { createRoom } from '../support/server';
import { serverWithPeople } from '../support/server-with-people';
import { waitFor } from '../support/wait';

const { server, joined, observe } = serverWithPeople({ leaveGraceMs: 150 });

describe('[S23] the call link', () => {
	test('the server keeps only an https link without a name or password, written as a browser writes it', async () => {
		const room = await createRoom(server.url);
		const ana = await joined(room.id, 'Ana');
		const watch = await observe(room.id);
		for (const url of [
			'http://meet.example.com/abc',
			'javascript:alert(1)',
			'https://ana:secret@meet.example.com/abc',
			`https://meet.example.com/${'a'.repeat(1_000)}`,
			// The URL parser would drop a tab or newline, and encode a space, without a word.
			'https://meet.example.com/abc def',
			'https://meet.exa\tmple.com/abc',
			'https://meet.example.com/abc\ndef',
			'https://evil.example\r\n.meet.example.com/abc'
		]) {
			expect(await ana.send({ type: 'call.set', url }), url).toMatchObject({
				ok: false,
				error: { code: 'invalid_payload' }
			});
		}
		expect(watch.get('call')).toBeNull();

		expect(await ana.send({ type: 'call.set', url: ' https://Meet.Example.com/abc ' })).toEqual({
			ok: true
		});
		await waitFor(() => watch.get('call') !== null, 'the call link');
		expect(watch.get('call')).toEqual({ url: 'https://meet.example.com/abc', setBy: ana.id });
		expect(await ana.send({ type: 'call.set', url: null })).toEqual({ ok: true });
		await waitFor(() => watch.get('call') === null, 'the call link to be removed');
	});
});
