import { describe, expect, test } from 'vitest';
import {
	INVALID_PROJECTOR_KEY,
	MISSING_PROJECTOR_KEY,
	projectorHref,
	projectorKey
} from './projector-link';

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA';

describe('projectorKey', () => {
	test('takes the token from the hash', () => {
		expect(projectorKey(`#${TOKEN}`)).toEqual({ ok: true, token: TOKEN });
	});

	test('a link without a hash, or with an empty one, is missing its key', () => {
		expect(projectorKey('')).toEqual({ ok: false, problem: MISSING_PROJECTOR_KEY });
		expect(projectorKey('#')).toEqual({ ok: false, problem: MISSING_PROJECTOR_KEY });
	});

	test('a hash that cannot be a token is not valid', () => {
		expect(projectorKey('#short')).toEqual({ ok: false, problem: INVALID_PROJECTOR_KEY });
		expect(projectorKey(`#${TOKEN}!`)).toEqual({ ok: false, problem: INVALID_PROJECTOR_KEY });
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
