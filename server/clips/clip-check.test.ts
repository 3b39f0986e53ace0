import { expect, test } from 'vitest';
import { CLIP_GRACE_MS, MAX_CLIP_BYTES, MAX_CLIP_MS } from '../../src/lib/protocol/clips';
import { oggClip, webmClip } from '../../tests/support/opus-clips';
import { checkClip } from './clip-check';

test('[B3] a three-minute Opus clip is kept', () => {
	expect(checkClip(webmClip(MAX_CLIP_MS))).toMatchObject({
		ok: true,
		clip: { type: 'audio/webm' }
	});
	expect(checkClip(oggClip(MAX_CLIP_MS))).toMatchObject({ ok: true, clip: { type: 'audio/ogg' } });
});

test('[B3] a clip longer than three minutes (and the grace) is refused as too long', () => {
	const long = MAX_CLIP_MS + CLIP_GRACE_MS + 1_000;
	expect(checkClip(webmClip(long))).toEqual({ ok: false, code: 'clip_too_long' });
	expect(checkClip(oggClip(long))).toEqual({ ok: false, code: 'clip_too_long' });
});

test('[B3] over 2 MB is refused as too large before anything else', () => {
	expect(checkClip(new Uint8Array(MAX_CLIP_BYTES + 1))).toEqual({
		ok: false,
		code: 'clip_too_large'
	});
});

test('[B3] bytes that are not Opus in WebM or Ogg are refused as not Opus', () => {
	expect(checkClip(new TextEncoder().encode('<svg/>'))).toEqual({
		ok: false,
		code: 'clip_not_opus'
	});
});
