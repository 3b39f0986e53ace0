/**
 * Small but well-formed Opus clips in WebM and Ogg, built byte by byte for tests: the server
 * reads their container and length (server/clips/opus-container.ts). The Opus packets are
 * filler; nothing here decodes them. Real recordings come from Chromium in tests/e2e/voice.e2e.ts.
 */

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

function bigEndian(value: number, length: number): Uint8Array {
	const out = new Uint8Array(length);
	for (let i = length - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) out[i] = v % 256;
	return out;
}

/** An EBML element with an 8-byte size, or an unknown size as MediaRecorder writes clusters. */
function element(id: number[], body: Uint8Array, unknownSize = false): Uint8Array {
	const size = unknownSize
		? Uint8Array.of(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
		: concat([Uint8Array.of(0x01), bigEndian(body.length, 7)]);
	return concat([Uint8Array.from(id), size, body]);
}

/**
 * One cluster per second, a 20 ms block every 20 ms, each of `blockBytes` filler bytes, or of
 * `filler`'s bytes (a marker to look for in the store or the log).
 */
export function webmClip(
	durationMs: number,
	{ codec = 'A_OPUS', blockBytes = 8, filler = '' } = {}
) {
	const packet = filler ? ascii(filler) : new Uint8Array(blockBytes).fill(0xfc);
	const header = element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], ascii('webm')));
	const info = element([0x15, 0x49, 0xa9, 0x66], element([0x2a, 0xd7, 0xb1], bigEndian(1e6, 3)));
	const tracks = element(
		[0x16, 0x54, 0xae, 0x6b],
		element([0xae], concat([element([0xd7], Uint8Array.of(1)), element([0x86], ascii(codec))]))
	);
	const clusters: Uint8Array[] = [];
	for (let start = 0; start < durationMs; start += 1000) {
		const blocks: Uint8Array[] = [element([0xe7], bigEndian(start, 4))];
		for (let t = 0; t < 1000 && start + t < durationMs; t += 20) {
			const block = concat([Uint8Array.of(0x81), bigEndian(t, 2), Uint8Array.of(0x80)]);
			blocks.push(element([0xa3], concat([block, packet])));
		}
		clusters.push(element([0x1f, 0x43, 0xb6, 0x75], concat(blocks), true));
	}
	const segment = element([0x18, 0x53, 0x80, 0x67], concat([info, tracks, ...clusters]), true);
	return concat([header, segment]);
}

function oggPage(granule: bigint, sequence: number, payload: Uint8Array): Uint8Array {
	const head = new Uint8Array(27);
	head.set(ascii('OggS'));
	const view = new DataView(head.buffer);
	view.setBigInt64(6, granule, true);
	view.setUint32(14, sequence, true);
	const lacing: number[] = [];
	let left = payload.length;
	for (; left >= 255; left -= 255) lacing.push(255);
	lacing.push(left);
	head[26] = lacing.length;
	return concat([head, Uint8Array.from(lacing), payload]);
}

/** An Ogg Opus file of `durationMs`, one page a second of `pageBytes` filler bytes. */
export function oggClip(durationMs: number, { pageBytes = 40, magic = 'OpusHead' } = {}) {
	const preSkip = 312;
	const opusHead = new Uint8Array(19);
	opusHead.set(ascii(magic));
	opusHead[8] = 1;
	opusHead[9] = 1;
	new DataView(opusHead.buffer).setUint16(10, preSkip, true);
	new DataView(opusHead.buffer).setUint32(12, 48_000, true);
	const pages = [oggPage(0n, 0, opusHead), oggPage(0n, 1, ascii('OpusTags\0\0\0\0\0\0\0\0'))];
	for (let ms = 1000, seq = 2; ms - 1000 < durationMs; ms += 1000, seq++) {
		const end = Math.min(ms, durationMs);
		const granule = BigInt(Math.round((end * 48_000) / 1000) + preSkip);
		pages.push(oggPage(granule, seq, new Uint8Array(pageBytes).fill(0xfc)));
	}
	return concat(pages);
}
