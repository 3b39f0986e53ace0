import type { ClipMediaType } from '../../src/lib/protocol/clips';

/**
 * What a clip's bytes are, read from the bytes alone (protocol B3): Opus in WebM or Ogg, and how
 * long it plays. The Content-Type a client sends is a claim; this is the check. Pure, and it
 * never throws: a file it cannot follow is not a clip.
 */
export interface OpusClip {
	type: ClipMediaType;
	durationMs: number;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const OGG_CAPTURE = ascii('OggS');
const OPUS_HEAD = ascii('OpusHead');
const EBML_MAGIC = Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3);
const WEBM_DOCTYPE = ascii('webm');
const OPUS_CODEC = ascii('A_OPUS');
/** Opus timestamps (Ogg granule positions) count samples at 48 kHz, whatever the input rate. */
const OPUS_RATE = 48_000;

const startsWith = (bytes: Uint8Array, prefix: Uint8Array, at = 0): boolean =>
	bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

function indexOf(bytes: Uint8Array, needle: Uint8Array, from = 0, to = bytes.length): number {
	for (let i = from; i + needle.length <= to; i++) if (startsWith(bytes, needle, i)) return i;
	return -1;
}

/** Reads an Opus clip's container and length; undefined for anything else. */
export function readOpusClip(bytes: Uint8Array): OpusClip | undefined {
	if (startsWith(bytes, OGG_CAPTURE)) return readOgg(bytes);
	if (startsWith(bytes, EBML_MAGIC)) return readWebm(bytes);
	return undefined;
}

// ---- Ogg (RFC 3533, RFC 7845) ----

/**
 * Ogg pages one after another from the start, each "OggS", its 27-byte header, its segment table
 * and the body the table sizes: anything else in between (another file behind the first page, a
 * fake last page) is not a clip. The last page may be cut short, as a recording can be.
 */
function readOgg(bytes: Uint8Array): OpusClip | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The first page holds only the identification header, "OpusHead", after its segment table.
	if (bytes.length < 27) return undefined;
	const head = 27 + (bytes[26] ?? 0);
	if (!startsWith(bytes, OPUS_HEAD, head) || bytes.length < head + 19) return undefined;
	const preSkip = view.getUint16(head + 10, true);
	// The highest granule position of a whole page is the clip's end, in samples.
	let granule = 0n;
	for (let at = 0; at < bytes.length;) {
		if (!startsWith(bytes, OGG_CAPTURE, at)) return undefined;
		const segments = bytes[at + 26];
		if (segments === undefined || at + 27 + segments > bytes.length) break;
		let size = 27 + segments;
		for (let i = 0; i < segments; i++) size += bytes[at + 27 + i] ?? 0;
		if (at + size > bytes.length) break;
		const position = view.getBigInt64(at + 6, true);
		// Positions only grow in a stream (-1: no packet ends on the page), so a later page
		// that claims an earlier end does not shorten the clip.
		if (position > granule) granule = position;
		at += size;
	}
	const samples = Math.max(0, Number(granule) - preSkip);
	return { type: 'audio/ogg', durationMs: Math.round((samples * 1000) / OPUS_RATE) };
}

// ---- WebM (Matroska's EBML) ----

const ID = {
	segment: 0x18538067,
	info: 0x1549a966,
	timecodeScale: 0x2ad7b1,
	duration: 0x4489,
	tracks: 0x1654ae6b,
	trackEntry: 0xae,
	codecId: 0x86,
	cluster: 0x1f43b675,
	timecode: 0xe7,
	simpleBlock: 0xa3,
	blockGroup: 0xa0,
	block: 0xa1
} as const;
/** Elements whose children are read in place; MediaRecorder writes some with unknown size. */
const CONTAINERS: ReadonlySet<number> = new Set([
	ID.segment,
	ID.info,
	ID.tracks,
	ID.trackEntry,
	ID.cluster,
	ID.blockGroup
]);
/** Matroska's default: timecodes in ms. */
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;
/** More elements than any clip under the size limit holds: a bound on a hostile file. */
const MAX_ELEMENTS = 200_000;

interface Vint {
	value: number;
	length: number;
	/** All value bits set: "unknown size". */
	unknown: boolean;
}

/** An EBML variable-length integer at `at`; `keepMarker` for element ids. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | undefined {
	const first = bytes[at];
	if (first === undefined || first === 0) return undefined;
	const length = Math.clz32(first) - 23;
	if (at + length > bytes.length) return undefined;
	let value = keepMarker ? first : first & (0xff >> length);
	let allOnes = value === 0xff >> length;
	for (let i = 1; i < length; i++) {
		const byte = bytes[at + i] ?? 0;
		value = value * 256 + byte;
		allOnes &&= byte === 0xff;
	}
	return { value, length, unknown: !keepMarker && allOnes };
}

function readUint(bytes: Uint8Array, at: number, size: number): number {
	let value = 0;
	for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
	return value;
}

function readFloat(bytes: Uint8Array, at: number, size: number): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset + at, size);
	return size === 4 ? view.getFloat32(0) : size === 8 ? view.getFloat64(0) : 0;
}

/** A block's time relative to its cluster: a signed 16-bit number after the track number. */
function blockTime(bytes: Uint8Array, at: number, end: number): number | undefined {
	const track = readVint(bytes, at, false);
	if (!track || at + track.length + 2 > end) return undefined;
	const view = new DataView(bytes.buffer, bytes.byteOffset + at + track.length, 2);
	return view.getInt16(0);
}

function readWebm(bytes: Uint8Array): OpusClip | undefined {
	// The EBML header says which document type follows; the tracks name the codec.
	const header = readVint(bytes, EBML_MAGIC.length, false);
	if (!header || header.unknown) return undefined;
	const headerEnd = EBML_MAGIC.length + header.length + header.value;
	if (indexOf(bytes, WEBM_DOCTYPE, 0, Math.min(headerEnd, bytes.length)) < 0) return undefined;
	let scaleNs = DEFAULT_TIMECODE_SCALE_NS;
	let declared = 0;
	let clusterTime = 0;
	let lastTime = 0;
	let opus = false;
	let at = headerEnd;
	for (let count = 0; at < bytes.length && count < MAX_ELEMENTS; count++) {
		const id = readVint(bytes, at, true);
		const size = id && readVint(bytes, at + id.length, false);
		if (!id || !size) return undefined;
		const body = at + id.length + size.length;
		if (CONTAINERS.has(id.value)) {
			at = body;
			continue;
		}
		if (size.unknown) return undefined;
		const end = body + size.value;
		if (end > bytes.length) break; // the last element cut short: what came before counts
		switch (id.value) {
			case ID.timecodeScale:
				scaleNs = readUint(bytes, body, size.value) || DEFAULT_TIMECODE_SCALE_NS;
				break;
			case ID.duration:
				declared = readFloat(bytes, body, size.value);
				break;
			case ID.timecode:
				clusterTime = readUint(bytes, body, size.value);
				break;
			case ID.simpleBlock:
			case ID.block:
				lastTime = Math.max(lastTime, clusterTime + (blockTime(bytes, body, end) ?? 0));
				break;
			case ID.codecId:
				// The track's codec exactly, not the name anywhere in the file.
				opus ||= size.value === OPUS_CODEC.length && startsWith(bytes, OPUS_CODEC, body);
				break;
		}
		at = end;
	}
	if (!opus) return undefined;
	const ms = (Math.max(declared, lastTime) * scaleNs) / 1_000_000;
	return Number.isFinite(ms) ? { type: 'audio/webm', durationMs: Math.round(ms) } : undefined;
}
