import { describe, expect, test } from 'vitest';
import {
	callHost,
	callLinkProblem,
	callLinkSchema,
	MAX_CALL_LINK_CHARACTERS,
	pastedCallLinkProblem,
	pastedCallLinkSchema
} from './call-link';
import { controlStateSchema } from './control';

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://us02web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoP';
const TEAMS =
	'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ5ZTU4ZDgtYjA0MS00%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22a1b2c3d4-e5f6%22%7d';

describe('a call link', () => {
	test('is any https meeting link: Meet, Zoom with its passcode, Teams', () => {
		for (const link of [MEET, ZOOM, TEAMS]) {
			expect(callLinkProblem(link)).toBeUndefined();
			expect(pastedCallLinkSchema.parse(link)).toBe(link);
		}
	});

	test('must be https: plain http, javascript:, data: and mailto: are refused', () => {
		for (const link of [
			'http://meet.google.com/abc-defg-hij',
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'mailto:ana@example.com',
			'meet.google.com/abc-defg-hij',
			'https://'
		]) {
			expect(callLinkProblem(link), link).toBe('must be a meeting link starting with https://');
			expect(pastedCallLinkSchema.safeParse(link).success, link).toBe(false);
		}
	});

	test('carries no name or password before the address', () => {
		expect(callLinkProblem('https://ana:secret@meet.example.com/room')).toBe(
			'must not contain a name or password before the address'
		);
		expect(callLinkProblem('https://ana@meet.example.com/room')).toBe(
			'must not contain a name or password before the address'
		);
	});

	test('has a sane length', () => {
		const base = 'https://meet.example.com/';
		const longest = base + 'a'.repeat(MAX_CALL_LINK_CHARACTERS - base.length);
		expect(callLinkProblem(longest)).toBeUndefined();
		expect(callLinkProblem(longest + 'a')).toBe(
			`must be at most ${MAX_CALL_LINK_CHARACTERS} characters`
		);
	});

	test('refuses spaces and control characters, which the URL parser would drop silently', () => {
		for (const link of [
			'https://meet.example.com/a b',
			'https://meet.exa\tmple.com/',
			'https://meet.example.com/\u0000'
		]) {
			expect(callLinkProblem(link)).toBe('must not contain spaces');
		}
	});

	test('as pasted, refuses spaces and control characters inside it, which the parser would drop or encode', () => {
		for (const link of [
			'https://meet.example.com/a b',
			'https://meet.exa\tmple.com/',
			'https://evil.example\n.meet.example.com/',
			'https://meet.example.com/a\u0000'
		]) {
			expect(pastedCallLinkProblem(link), link).toBe('must not contain spaces');
			expect(pastedCallLinkSchema.safeParse(link).success, link).toBe(false);
		}
		expect(pastedCallLinkProblem('\t https://meet.example.com/abc \n')).toBeUndefined();
	});

	test('as pasted, is trimmed and written as a browser writes it, host names in punycode', () => {
		expect(pastedCallLinkSchema.parse('  https://Meet.Google.com  ')).toBe(
			'https://meet.google.com/'
		);
		// A Cyrillic "о" in the host shows as what it is.
		const lookalike = pastedCallLinkSchema.parse('https://z\u043e\u043em.us/j/1');
		expect(lookalike).toMatch(/^https:\/\/xn--/);
		expect(callHost(lookalike)).toMatch(/^xn--/);
	});

	test('as stored, is read as the server wrote it, though another URL parser would write it otherwise', () => {
		// Node keeps `|` in a path and `*` in a host where Chromium encodes them (`%7C`, `%2A`):
		// a link one engine wrote must not fail the other's check, or every screen loses the room.
		expect(callLinkSchema.safeParse('https://a%2Ab.example.com/').success).toBe(true);
		expect(callLinkSchema.safeParse('https://meet.example.com/a|b').success).toBe(true);
		expect(callLinkSchema.safeParse('https://meet.google.com/').success).toBe(true);
	});

	test('as stored but broken, reads as no call, and the rest of the control state stays readable', () => {
		const control = (call: unknown) =>
			controlStateSchema.safeParse({
				step: 2,
				timer: { status: 'idle', durationMs: 60_000 },
				call
			});
		const setBy = 'p'.repeat(22);
		const readable = control({ url: 'https://a%2Ab.example.com/', setBy });
		expect(readable.data?.call).toEqual({ url: 'https://a%2Ab.example.com/', setBy });
		for (const url of ['javascript:alert(1)', 'http://meet.example.com/', 42]) {
			const read = control({ url, setBy });
			expect(read.success, String(url)).toBe(true);
			expect(read.data?.step).toBe(2);
			expect(read.data?.call).toBeNull();
		}
	});

	test('its problems never repeat the link, which may carry a passcode', () => {
		const link = 'http://zoom.us/j/1?pwd=secretpasscode';
		const result = pastedCallLinkSchema.safeParse(link);
		expect(result.success).toBe(false);
		expect(JSON.stringify(result.error?.issues.map((issue) => issue.message))).not.toContain(
			'secretpasscode'
		);
	});

	test('names its host for the button', () => {
		expect(callHost(MEET)).toBe('meet.google.com');
		expect(callHost(ZOOM)).toBe('us02web.zoom.us');
	});
});
