import { expect, test } from 'vitest';
import { oggClip, webmClip } from '../../tests/support/opus-clips';
import { readOpusClip } from './opus-container';

test('[B3] Opus in WebM is read with its length from the last block', () => {
	expect(readOpusClip(webmClip(4_000))).toEqual({ type: 'audio/webm', durationMs: 3_980 });
});

test('[B3] Opus in Ogg is read with its length from the last granule position', () => {
	expect(readOpusClip(oggClip(2_500))).toEqual({ type: 'audio/ogg', durationMs: 2_500 });
});

test('[B3] a WebM whose track is not Opus is not a clip', () => {
	expect(readOpusClip(webmClip(1_000, { codec: 'A_VORBIS' }))).toBeUndefined();
});

test('[B3] an Ogg stream that is not Opus is not a clip', () => {
	expect(readOpusClip(oggClip(1_000, { magic: 'OpusHeaX' }))).toBeUndefined();
});

test('[B3] text, an image or nothing at all is not a clip', () => {
	const encode = (text: string) => new TextEncoder().encode(text);
	expect(readOpusClip(encode('OggS is not enough'))).toBeUndefined();
	expect(readOpusClip(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBeUndefined();
	expect(readOpusClip(new Uint8Array(0))).toBeUndefined();
	expect(readOpusClip(Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3))).toBeUndefined();
});

test('[B3] a recording cut short still counts up to its last whole block', () => {
	const whole = webmClip(3_000);
	expect(readOpusClip(whole.slice(0, whole.length - 5))?.durationMs).toBe(2_960);
});

test('[B3] bytes made to look endless are read in bounded time', () => {
	const header = webmClip(20);
	const garbage = new Uint8Array(1_000_000).fill(0xe7);
	const bytes = new Uint8Array(header.length + garbage.length);
	bytes.set(header);
	bytes.set(garbage, header.length);
	const started = performance.now();
	readOpusClip(bytes);
	expect(performance.now() - started).toBeLessThan(1_000);
});
