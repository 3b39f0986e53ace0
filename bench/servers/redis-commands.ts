import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

const NEWLINE = 0x0a;

/**
 * Counts the commands in what a client writes to Redis (RESP: each command is an array of bulk
 * strings, `*2\r\n$7\r\nPUBLISH\r\n…`), by lower-case name, however the bytes are split into
 * writes. Payloads are skipped by their length, never scanned.
 */
export class RespCommandCounter {
	readonly counts: Record<string, number> = {};
	/** A header line (`*N` or `$N`) split across writes. */
	#line = '';
	/** Bytes of the current bulk string, its CRLF included, still to come. */
	#skip = 0;
	/** The current command's first bulk string (its name) while it is read. */
	#name: string | undefined;
	/** The next bulk string is a command's first. */
	#atName = false;

	feed(data: Uint8Array): void {
		const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
		let at = 0;
		while (at < bytes.length) {
			if (this.#skip > 0) {
				const end = Math.min(bytes.length, at + this.#skip);
				if (this.#name !== undefined) this.#name += bytes.toString('latin1', at, end);
				this.#skip -= end - at;
				at = end;
				if (this.#skip === 0 && this.#name !== undefined) {
					const name = this.#name.trimEnd().toLowerCase();
					this.counts[name] = (this.counts[name] ?? 0) + 1;
					this.#name = undefined;
				}
				continue;
			}
			const newline = bytes.indexOf(NEWLINE, at);
			if (newline === -1) {
				this.#line += bytes.toString('latin1', at);
				return;
			}
			const line = (this.#line + bytes.toString('latin1', at, newline)).trimEnd();
			this.#line = '';
			at = newline + 1;
			if (line.startsWith('*')) this.#atName = true;
			else if (line.startsWith('$')) {
				this.#skip = Number(line.slice(1)) + 2;
				if (this.#atName) this.#name = '';
				this.#atName = false;
			}
		}
	}
}

/**
 * From now on, counts the commands this process sends to the Redis at `redisUrl` (on every
 * connection to its port: Practice Room's clients, Hocuspocus's ioredis). Redis's own
 * `INFO commandstats` also counts the commands that scripts run inside Redis; these are the
 * round trips the servers make. Answers the counts so far, by command name.
 */
export function countRedisCommands(redisUrl: string | undefined): () => Record<string, number> {
	const counters: RespCommandCounter[] = [];
	const port = redisUrl ? Number(new URL(redisUrl).port || 6379) : undefined;
	if (port !== undefined) {
		subscribe('net.client.socket', (message) => {
			const { socket } = message as { socket: Socket };
			// Both clients write only once connected; which server a socket talks to is known then.
			socket.once('connect', () => {
				if (socket.remotePort !== port) return;
				const counter = new RespCommandCounter();
				counters.push(counter);
				const write = socket.write;
				// reason: write has several overloads; this wrapper passes every argument on unchanged.
				socket.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
					const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
					counter.feed(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
					return Reflect.apply(write, socket, [chunk, ...rest]) as boolean;
				}) as Socket['write'];
			});
		});
	}
	return () => sumCounts(counters.map((counter) => counter.counts));
}

/** Adds up counts by name (several connections', or several server processes'). */
export function sumCounts(counts: readonly Record<string, number>[]): Record<string, number> {
	const total: Record<string, number> = {};
	for (const byName of counts) {
		for (const [name, count] of Object.entries(byName)) total[name] = (total[name] ?? 0) + count;
	}
	return total;
}
