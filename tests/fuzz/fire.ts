import { connect } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { z } from 'zod';
import { assertNever } from '../../src/lib/assert-never';
import { protocolErrorSchema } from '../../src/lib/protocol/socket-events';
import type { HttpRequestInput } from './http-inputs';
import type { SocketCall, SocketSession } from './socket-inputs';
import type { Json } from './values';
import type { YjsFrame } from './yjs-frames';

/** One fuzz input: a connection or request, with everything it will send. */
export type FuzzInput =
	| { kind: 'yjs'; path: string; frames: YjsFrame[] }
	| { kind: 'socket'; session: SocketSession }
	| { kind: 'socket-raw'; packets: string[] }
	| { kind: 'http'; request: HttpRequestInput }
	| { kind: 'http-raw'; bytes: string };

/** Where to send inputs, and a room that exists (socket sessions end with a watch of it). */
export interface FireTarget {
	serverUrl: string;
	knownRoomId: string;
}

/** How long the server may take to answer anything. */
const ANSWER_TIMEOUT_MS = 5_000;
/** A raw HTTP request that got no answer head by then is dropped (the server may wait for more). */
const RAW_HTTP_WAIT_MS = 150;

/**
 * Close codes the Yjs endpoint may end a fuzzed connection with (docs/protocol.md, Y3, Y4, Y5, Y8,
 * Y9, L3, L4, L7).
 */
const REFUSALS = new Set([1003, 1007, 1008, 1009, 4403, 4404, 4423]);
/** ... plus the answers to our own close. */
const CLOSES = new Set([...REFUSALS, 1000, 1005]);

const replySchema = z.union([
	z.looseObject({ ok: z.literal(true) }),
	z.object({ ok: z.literal(false), error: protocolErrorSchema })
]);
const clockReplySchema = z.object({ serverTime: z.number() });

const wsUrl = (serverUrl: string) => serverUrl.replace(/^http/, 'ws');

/** Sends the frames, then waits for the server's close (after a malformed one) or closes. */
function fireYjs(serverUrl: string, path: string, frames: YjsFrame[]): Promise<string[]> {
	const mustClose = frames.some((frame) => frame.malformed);
	const problems: string[] = [];
	return new Promise((resolve) => {
		const ws = new WebSocket(`${wsUrl(serverUrl)}${path}`);
		let timer: ReturnType<typeof setTimeout> | undefined;
		// A send after the server closed fails here; the close tells what happened.
		ws.on('error', () => {});
		ws.on('open', () => {
			for (const frame of frames) ws.send(frame.data);
			if (!mustClose) {
				ws.close(1000);
				return;
			}
			timer = setTimeout(() => {
				problems.push(`still open ${ANSWER_TIMEOUT_MS} ms after a malformed frame (rule Y5)`);
				ws.terminate();
			}, ANSWER_TIMEOUT_MS);
		});
		ws.on('close', (code) => {
			clearTimeout(timer);
			const allowed = mustClose ? REFUSALS : CLOSES;
			if (!allowed.has(code) && problems.length === 0) {
				problems.push(`closed with ${code}, expected one of ${[...allowed].join(', ')}`);
			}
			resolve(problems);
		});
	});
}

/** An acknowledgement must have the documented shape, and no input may cause `internal`. */
function checkReply(event: string, reply: unknown): string[] {
	const parsed = (event === 'clock:ping' ? clockReplySchema : replySchema).safeParse(reply);
	if (!parsed.success) return [`${event} answered ${JSON.stringify(reply)?.slice(0, 200)}`];
	const error = (reply as { error?: { code: string } }).error;
	return error?.code === 'internal' ? [`${event} answered internal: ${JSON.stringify(reply)}`] : [];
}

/** Resolves on `event`, rejects on a failed connect or after the answer timeout. */
function once(socket: Socket, event: 'connect' | 'disconnect'): Promise<void> {
	return new Promise((resolve, reject) => {
		const settle = (error?: Error) => {
			clearTimeout(timer);
			if (error) reject(error);
			else resolve();
		};
		const timer = setTimeout(
			() => settle(new Error(`no ${event} within ${ANSWER_TIMEOUT_MS} ms`)),
			ANSWER_TIMEOUT_MS
		);
		socket.once(event, () => settle());
		if (event === 'connect') socket.once('connect_error', settle);
	});
}

const UNANSWERED = Symbol('unanswered');

/** A well-formed call whose acknowledgement the server must answer. */
const answeredCall = (event: string, payload: Json): SocketCall => ({
	event,
	args: [payload],
	withAck: true,
	answerDue: true,
	oversized: false
});

async function sendCall(socket: Socket, call: SocketCall): Promise<string[]> {
	if (call.answerDue) {
		const reply: unknown = await socket
			.timeout(ANSWER_TIMEOUT_MS)
			.emitWithAck(call.event, ...call.args)
			.catch(() => UNANSWERED);
		return reply === UNANSWERED
			? [`no answer to ${call.event} within ${ANSWER_TIMEOUT_MS} ms`]
			: checkReply(call.event, reply);
	}
	if (call.withAck) socket.emit(call.event, ...call.args, () => {});
	else socket.emit(call.event, ...call.args);
	return [];
}

/**
 * Runs a session with the stock client. It ends with a watch of a known room: handlers run in
 * order per socket, so its answer shows the server got through everything before it.
 */
async function fireSocket(target: FireTarget, session: SocketSession): Promise<string[]> {
	const socket = io(target.serverUrl, {
		transports: ['websocket'],
		reconnection: false,
		forceNew: true
	});
	const problems: string[] = [];
	socket.on('protocol:error', (error: unknown) =>
		problems.push(`protocol:error ${JSON.stringify(error)}`)
	);
	try {
		await once(socket, 'connect');
		const calls = session.join
			? [answeredCall('room:join', session.join), ...session.calls]
			: session.calls;
		for (const call of calls) {
			if (call.oversized) {
				socket.emit(call.event, ...call.args);
				await once(socket, 'disconnect').catch(() =>
					problems.push(`kept a socket open after a message over the size limit`)
				);
				return problems;
			}
			problems.push(...(await sendCall(socket, call)));
		}
		problems.push(
			...(await sendCall(socket, answeredCall('room:watch', { roomId: target.knownRoomId })))
		);
	} catch (error) {
		problems.push(`socket session failed: ${(error as Error).message}`);
	} finally {
		socket.disconnect();
	}
	return problems;
}

/** Speaks engine.io by hand: waits for the open packet, sends the packets, closes. */
function fireRawSocket(serverUrl: string, packets: string[]): Promise<string[]> {
	return new Promise((resolve) => {
		const ws = new WebSocket(`${wsUrl(serverUrl)}/socket.io/?EIO=4&transport=websocket`);
		ws.on('error', () => {});
		ws.once('message', () => {
			for (const packet of packets) ws.send(packet);
			ws.close(1000);
		});
		ws.on('close', () => resolve([]));
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** The JSON API must never answer 5xx, and its errors are `{ error }` without a stack trace. */
async function fireHttp(serverUrl: string, request: HttpRequestInput): Promise<string[]> {
	const what = `${request.method} ${request.path.slice(0, 80)}`;
	let response: Response;
	try {
		response = await fetch(`${serverUrl}${request.path}`, {
			method: request.method,
			headers: request.headers,
			body: request.body,
			signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS)
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code;
		// A body past the limit is refused before it is read; the upload then breaks off.
		const bodyBytes = request.body === undefined ? 0 : Buffer.byteLength(request.body);
		if (bodyBytes > 512 * 1024 && (cause === 'EPIPE' || cause === 'ECONNRESET')) return [];
		return [`${what} failed: ${(error as Error).message} ${cause ?? ''}`];
	}
	const text = await response.text();
	const problems: string[] = [];
	if (response.status >= 500)
		problems.push(`${what} answered ${response.status}: ${text.slice(0, 200)}`);
	if (/\n\s+at /.test(text)) problems.push(`${what} answered with a stack trace`);
	const isJson = response.headers.get('content-type')?.startsWith('application/json');
	const hasBody = request.method !== 'HEAD';
	if (response.status >= 400 && isJson && hasBody && !request.path.startsWith('/socket.io/')) {
		if (typeof (parseJson(text) as { error?: unknown } | undefined)?.error !== 'string') {
			problems.push(
				`${what} answered ${response.status} without an error message: ${text.slice(0, 200)}`
			);
		}
	}
	return problems;
}

/** Writes raw bytes and reads until the answer's head, a close, or a short wait. */
function fireRawHttp(serverUrl: string, bytes: string): Promise<string[]> {
	const { port, hostname } = new URL(serverUrl);
	return new Promise((resolve) => {
		let answer = '';
		const socket = connect(Number(port), hostname);
		const finish = () => {
			clearTimeout(timer);
			socket.destroy();
			const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1];
			resolve(status?.startsWith('5') ? [`answered ${answer.split('\r\n')[0]}`] : []);
		};
		const timer = setTimeout(finish, RAW_HTTP_WAIT_MS);
		socket.on('error', () => {});
		socket.on('data', (chunk: Buffer) => {
			answer += chunk.toString('latin1');
			if (answer.includes('\r\n\r\n')) finish();
		});
		socket.on('close', finish);
		// Half-closed after the request, so the server need not wait for more to answer.
		socket.end(bytes);
	});
}

/** Sends one input and answers what the server did wrong with it, if anything. */
export function fire(target: FireTarget, input: FuzzInput): Promise<string[]> {
	switch (input.kind) {
		case 'yjs':
			return fireYjs(target.serverUrl, input.path, input.frames);
		case 'socket':
			return fireSocket(target, input.session);
		case 'socket-raw':
			return fireRawSocket(target.serverUrl, input.packets);
		case 'http':
			return fireHttp(target.serverUrl, input.request);
		case 'http-raw':
			return fireRawHttp(target.serverUrl, input.bytes);
		default:
			return assertNever(input);
	}
}
