import type { IncomingMessage } from 'node:http';

/**
 * A request's whole body as bytes, refused with `tooLarge()` the moment it passes `maxBytes`
 * (the rest is not read, nor kept).
 */
export async function readBytes(
	req: IncomingMessage,
	maxBytes: number,
	tooLarge: () => Error
): Promise<Uint8Array> {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > maxBytes) throw tooLarge();
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxBytes) throw tooLarge();
		chunks.push(chunk);
	}
	return new Uint8Array(Buffer.concat(chunks));
}
