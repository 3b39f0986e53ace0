import type { Duplex } from 'node:stream';

/** Sockets written to since the event loop last reached its check phase. */
const corked = new Set<Duplex>();
let flushScheduled = false;

function flush(): void {
	flushScheduled = false;
	for (const socket of corked) socket.uncork();
	corked.clear();
}

/**
 * Writes `frame` to `socket`, batched with the other frames written to it while the event loop
 * handles the same round of incoming messages: one system call per socket and round instead of
 * one per frame. The frames go out in order when the loop reaches its check phase
 * (`setImmediate`), right after the round. A test that fakes `setImmediate` must run it before
 * going back to real timers, or the sockets written to meanwhile stay held.
 */
export function writeBatched(socket: Duplex, frame: Buffer): void {
	if (!corked.has(socket)) {
		socket.cork();
		corked.add(socket);
		if (!flushScheduled) {
			flushScheduled = true;
			setImmediate(flush);
		}
	}
	socket.write(frame);
}
