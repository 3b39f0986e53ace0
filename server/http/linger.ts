import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_CLIP_BYTES } from '../../src/lib/protocol/clips';

/** How far the server reads on into a refused body once it has answered (docs/operations.md). */
export interface LingerBounds {
	ms: number;
	bytes: number;
}

/** A few seconds, and twice the largest body the server takes (a clip), whichever comes first. */
export const LINGER: LingerBounds = { ms: 5_000, bytes: 2 * MAX_CLIP_BYTES };

/**
 * A lingering close, for a request answered (`res` written, not ended, with `Connection: close`)
 * before its body was read: the server reads on and discards the body until it ends or a bound
 * is reached, and only then ends the answer and so the connection. Closing at once, with the
 * client's body still arriving, makes the server's end reset the connection, and a client still
 * sending may then lose the answer it was sent and show a network error instead.
 */
export function endAfterBody(
	req: IncomingMessage,
	res: ServerResponse,
	bounds: LingerBounds = LINGER
): void {
	let read = 0;
	const end = () => {
		clearTimeout(timer);
		req.off('data', count);
		if (!res.writableEnded && !res.destroyed) res.end();
	};
	const count = (chunk: Buffer) => {
		read += chunk.length;
		if (read > bounds.bytes) end();
	};
	const timer = setTimeout(end, bounds.ms);
	req.on('data', count);
	req.once('end', end);
	req.once('close', end);
	req.resume();
}
