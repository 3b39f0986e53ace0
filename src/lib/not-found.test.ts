import { describe, expect, test } from 'vitest';
import { m } from './paraglide/messages';
import { notFound, spaceUnder } from './not-found';

describe('the room or team space an address lies under', () => {
	test('is named by the part after /r/ or /t/, with or without more after it', () => {
		expect(spaceUnder('/r/AAAAAAAAAAAAAAAAAAAAAA')).toEqual({
			kind: 'room',
			id: 'AAAAAAAAAAAAAAAAAAAAAA'
		});
		expect(spaceUnder('/r/abc/projector/extra')).toEqual({ kind: 'room', id: 'abc' });
		expect(spaceUnder('/t/team-1/nonsense')).toEqual({ kind: 'team', id: 'team-1' });
		expect(spaceUnder('/t/team-1/')).toEqual({ kind: 'team', id: 'team-1' });
	});

	test('is named as SvelteKit names a route’s parameter: decoded, so /r/%4E… and /r/N… agree', () => {
		expect(spaceUnder('/r/%4EBC/x')).toEqual({ kind: 'room', id: 'NBC' });
		expect(spaceUnder('/t/%E0%A4%A/x')).toEqual({ kind: 'team', id: '%E0%A4%A' });
	});

	test('is none for any other address', () => {
		for (const pathname of ['/', '/r', '/r/', '/t//x', '/rooms/abc', '/p/r/abc', '/x/r/abc'])
			expect(spaceUnder(pathname), pathname).toBeUndefined();
	});
});

describe('a 404’s error', () => {
	test('carries what is missing, with the words that go with it', () => {
		expect(notFound({ kind: 'room' })).toEqual({
			message: m.pages_api_room_not_found(),
			missing: { kind: 'room' }
		});
		expect(notFound({ kind: 'team' })).toEqual({
			message: m.pages_api_team_not_found(),
			missing: { kind: 'team' }
		});
		expect(notFound({ kind: 'playbook' })).toEqual({
			message: m.pages_error_no_playbook(),
			missing: { kind: 'playbook' }
		});
		const within = { kind: 'room', id: 'abc' } as const;
		expect(notFound({ kind: 'page', within })).toEqual({
			message: m.pages_error_nothing_here(),
			missing: { kind: 'page', within }
		});
	});
});
