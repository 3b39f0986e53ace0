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

/** `head`, then a page of another file's bytes: what a check of the first bytes alone lets in. */
const followedBy = (head: Uint8Array, tail: Uint8Array) => {
	const bytes = new Uint8Array(head.length + tail.length);
	bytes.set(head);
	bytes.set(tail, head.length);
	return bytes;
};
const page = new TextEncoder().encode('<!doctype html><script>alert(1)</script>'.repeat(100));

test('[B3] a WebM that only names A_OPUS somewhere, not as a track’s codec, is not a clip', () => {
	// The EBML header (DocType webm), then a Void element (0xEC) holding the name and a page.
	const header = webmClip(0).subarray(0, 26);
	const body = followedBy(new TextEncoder().encode('A_OPUS'), page);
	const size = Uint8Array.of(0x01, 0, 0, 0, 0, 0, body.length >> 8, body.length & 0xff);
	const voided = followedBy(followedBy(Uint8Array.of(0xec), size), body);
	expect(readOpusClip(followedBy(header, voided))).toBeUndefined();
});

test('[B3] an Ogg whose OpusHead page is followed by anything but Ogg pages is not a clip', () => {
	const head = oggClip(0).subarray(0, 27 + 1 + 19);
	expect(readOpusClip(followedBy(head, page))).toBeUndefined();
	// Nor does a fake last page make a long recording short.
	const long = oggClip(600_000, { pageBytes: 2 });
	const fakeEnd = new Uint8Array(27);
	fakeEnd.set(new TextEncoder().encode('OggS'));
	expect(readOpusClip(followedBy(long, fakeEnd))?.durationMs ?? 600_000).toBeGreaterThan(180_000);
});
