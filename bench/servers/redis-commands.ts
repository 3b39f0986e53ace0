import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

const NEWLINE = 0x0a;
const ARRAY = 0x2a; // '*'
const BULK = 0x24; // '$'
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * Counts the commands in what a client writes to Redis (RESP: each command is an array of bulk
 * strings, `*2\r\n$7\r\nPUBLISH\r\n…`), by lower-case name, however the bytes are split into
 * writes. Payloads are skipped by their length, never scanned; header lines are read byte by
 * byte without making strings of them: the counter runs inside the server it measures, on
 * every write, so its own cost is kept out of the server's figures as far as it can be.
 */
export class RespCommandCounter {
	readonly counts: Record<string, number> = {};
	/** The header line being read (`*N` or `$N`), split across writes or not. */
	#header: { kind: number; length: number } | undefined;
	/** Bytes of the current bulk string, its CRLF included, still to come. */
	#skip = 0;
	/** The current command's first bulk string (its name) while it is read. */
	#name: string | undefined;
	/** The next bulk string is a command's first. */
	#atName = false;

	feed(data: Uint8Array): void {
		let at = 0;
		while (at < data.length) {
			if (this.#skip > 0) {
				const end = Math.min(data.length, at + this.#skip);
				if (this.#name !== undefined) this.#name += latin1(data, at, end);
				this.#skip -= end - at;
				at = end;
				if (this.#skip === 0 && this.#name !== undefined) {
					const name = this.#name.trimEnd().toLowerCase();
					this.counts[name] = (this.counts[name] ?? 0) + 1;
					this.#name = undefined;
				}
				continue;
			}
			const byte = data[at++]!;
			const header = this.#header;
			if (header === undefined) {
				this.#header = { kind: byte, length: 0 };
			} else if (byte >= DIGIT_0 && byte <= DIGIT_9) {
				header.length = header.length * 10 + (byte - DIGIT_0);
			} else if (byte === NEWLINE) {
				this.#header = undefined;
				if (header.kind === ARRAY) this.#atName = true;
				else if (header.kind === BULK) {
					this.#skip = header.length + 2;
					if (this.#atName) this.#name = '';
					this.#atName = false;
				}
			}
		}
	}
}

/** The bytes `from`–`to` of `data` as a latin1 string (a command name: a few bytes). */
function latin1(data: Uint8Array, from: number, to: number): string {
	let text = '';
	for (let i = from; i < to; i++) text += String.fromCharCode(data[i]!);
	return text;
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
