/** RFC 6455 §5.2: FIN set, opcode 2 (binary). */
const FIN_BINARY = 0x82;
/** Payload lengths from here on take 2 more bytes of header, and from the next 8. */
const TWO_BYTE_LENGTH = 126;
const EIGHT_BYTE_LENGTH = 65_536;

/**
 * A server's WebSocket frame carrying `payload` as one binary message (RFC 6455 §5.2: unmasked,
 * unfragmented, no extension), header and payload in one buffer. Built once, the same bytes go
 * to every connection a change is relayed to, each in one write: `ws`'s `send` would frame the
 * message again for each of them and write header and payload as two buffers.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
	const length = payload.byteLength;
	const header = length < TWO_BYTE_LENGTH ? 2 : length < EIGHT_BYTE_LENGTH ? 4 : 10;
	const frame = Buffer.allocUnsafe(header + length);
	frame[0] = FIN_BINARY;
	if (length < TWO_BYTE_LENGTH) {
		frame[1] = length;
	} else if (length < EIGHT_BYTE_LENGTH) {
		frame[1] = TWO_BYTE_LENGTH;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeBigUInt64BE(BigInt(length), 2);
	}
	frame.set(payload, header);
	return frame;
}
