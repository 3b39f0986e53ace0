import { describe, expect, test } from 'vitest';
import { projectorHref, projectorKey } from './projector-link';

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA';

describe('projectorKey', () => {
	test('takes the token from the hash', () => {
		expect(projectorKey(`#${TOKEN}`)).toEqual({ ok: true, token: TOKEN });
	});

	test('a link without a hash, or with an empty one, is missing its key', () => {
		expect(projectorKey('')).toEqual({ ok: false, problem: 'missing' });
		expect(projectorKey('#')).toEqual({ ok: false, problem: 'missing' });
	});

	test('a hash that cannot be a token is not valid', () => {
		expect(projectorKey('#short')).toEqual({ ok: false, problem: 'invalid' });
		expect(projectorKey(`#${TOKEN}!`)).toEqual({ ok: false, problem: 'invalid' });
	});

	test('reads back the link that projectorHref makes', () => {
		const href = projectorHref('/r/quiet-otter/projector', TOKEN);
		expect(href).toBe(`/r/quiet-otter/projector#${TOKEN}`);
		expect(projectorKey(new URL(href, 'https://example.org').hash)).toEqual({
			ok: true,
			token: TOKEN
		});
	});
});
