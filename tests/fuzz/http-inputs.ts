import { builtInPlaybooks } from '../../src/lib/playbooks/library';
import type { Random } from './random';
import { randomId } from './socket-inputs';
import { mutateObject, pathSegment, randomJson, randomString, type Json } from './values';

/** A request through `fetch`: a well-formed HTTP request with a fuzzed path, headers and body. */
export interface HttpRequestInput {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: string | Uint8Array<ArrayBuffer> | undefined;
}

/** The JSON API's body limit; bodies are drawn up to a little past it. */
const MAX_BODY_BYTES = 512 * 1024;

const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	'application/octet-stream',
	''
];

/** A copy of `value` with one object somewhere inside it broken (see `mutateObject`). */
function mutateDeep(random: Random, value: Json, depth = 0): Json {
	if (Array.isArray(value) && value.length > 0 && random.chance(0.7)) {
		const copy = [...value];
		const at = random.int(0, copy.length - 1);
		copy[at] = mutateDeep(random, copy[at]!, depth + 1);
		return copy;
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const keys = Object.keys(value);
		if (keys.length > 0 && random.chance(depth < 3 ? 0.7 : 0.3)) {
			const key = random.pick(keys);
			return { ...value, [key]: mutateDeep(random, value[key]!, depth + 1) };
		}
		return mutateObject(random, value);
	}
	return randomJson(random, 2);
}

const playbookJson = (random: Random) =>
	JSON.parse(JSON.stringify(random.pick(builtInPlaybooks))) as { [key: string]: Json };

/** A body: JSON near the expected shape, random JSON, broken JSON, odd bytes or a big one. */
function body(random: Random, path: string): string | Uint8Array<ArrayBuffer> {
	const near = (): Json =>
		path.startsWith('/api/playbooks')
			? mutateDeep(random, playbookJson(random))
			: mutateObject(random, {
					playbookId: random.pick(builtInPlaybooks).id
				});
	return random.weighted<() => string | Uint8Array<ArrayBuffer>>([
		[4, () => JSON.stringify(near())],
		[2, () => JSON.stringify(randomJson(random, 5))],
		[
			2,
			() => {
				const text = JSON.stringify(near());
				return text.slice(0, random.int(0, text.length - 1));
			}
		],
		[1, () => randomString(random, 256)],
		[1, () => random.bytes(random.size(256))],
		[
			0.5,
			() => {
				// Built as text: JSON.stringify itself would overflow the stack this deep.
				const depth = random.int(1000, 100_000);
				return `${'['.repeat(depth)}${']'.repeat(depth)}`;
			}
		],
		[
			0.3,
			() =>
				JSON.stringify({
					playbookId: 'x'.repeat(random.int(MAX_BODY_BYTES - 1024, MAX_BODY_BYTES + 4096))
				})
		]
	])();
}

/** Paths the API serves, their neighbours, and paths that lead nowhere. */
function path(random: Random, roomIds: readonly string[]): string {
	return random.weighted<() => string>([
		[4, () => '/api/rooms'],
		[3, () => '/api/playbooks'],
		[
			2,
			() =>
				`/api/rooms/${random.chance(0.6) ? random.pick(roomIds) : pathSegment(randomId(random, 1, 40))}`
		],
		[
			2,
			() =>
				`/api/playbooks/${random.chance(0.5) ? random.pick(builtInPlaybooks).id : pathSegment(randomString(random, 40))}`
		],
		[1, () => random.pick(['/healthz', '/healthz/', '/healthz?x=1', '/HEALTHZ', '/api', '/api/'])],
		[
			1,
			() =>
				random.pick([
					'//api/rooms',
					'/api//rooms',
					'/api/rooms/..%2f..%2f',
					'/api/rooms/%00',
					'/api/playbooks/%E0%A4%A',
					'/yjs/',
					'/socket.io/?EIO=4&transport=polling',
					'/socket.io/?EIO=3&transport=polling'
				])
		],
		[1, () => `/${pathSegment(randomString(random, 64))}`],
		[0.2, () => `/api/rooms/${'a'.repeat(random.int(1000, 20_000))}`]
	])();
}

export function httpRequest(random: Random, roomIds: readonly string[]): HttpRequestInput {
	const method = random.weighted([
		[6, 'POST'],
		[3, 'GET'],
		[1, random.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])]
	]);
	const target = path(random, roomIds);
	const headers: Record<string, string> = {};
	const contentType = random.chance(0.8) ? 'application/json' : random.pick(CONTENT_TYPES);
	if (contentType) headers['content-type'] = contentType;
	// fetch sends no body with GET or HEAD.
	const hasBody = method !== 'GET' && method !== 'HEAD' && random.chance(0.95);
	return { method, path: target, headers, body: hasBody ? body(random, target) : undefined };
}

/**
 * Bytes for a raw TCP connection: request lines fetch would never send (absolute-form targets
 * with broken hosts, `*`, odd methods and versions), WebSocket upgrades to any path, lying
 * content lengths and broken chunked bodies.
 */
export function rawHttpRequest(random: Random, roomIds: readonly string[]): string {
	const method = random.pick(['GET', 'POST', 'PUT', 'OPTIONS', 'CONNECT', 'FOO', 'get', '']);
	const target = random.pick([
		() => path(random, roomIds),
		() => `/yjs/${random.chance(0.5) ? random.pick(roomIds) : randomId(random, 1, 30)}`,
		() =>
			random.pick(['http://[', 'http://%', 'http://[::1', 'http://a:99999/', 'http://%zz/yjs/x']),
		() => `http://${randomId(random, 1, 20)}${random.pick(['', '/', '/yjs/x', '/api/rooms'])}`,
		() => random.pick(['*', '', '/%', '/\u00ff', '?', '#'])
	])();
	const version = random.pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '']);
	const headers = ['Host: localhost'];
	if (random.chance(0.4)) {
		headers.push(
			'Upgrade: websocket',
			'Connection: Upgrade',
			'Sec-WebSocket-Version: 13',
			`Sec-WebSocket-Key: ${random.chance(0.8) ? 'dGhlIHNhbXBsZSBub25jZQ==' : randomString(random, 30)}`
		);
	} else {
		headers.push('Connection: close');
	}
	const content = random.chance(0.5) ? randomString(random, 128) : '';
	headers.push(
		random.pick([
			`Content-Length: ${Buffer.byteLength(content)}`,
			`Content-Length: ${random.pick([-1, 1e12, 3, 'abc'])}`,
			'Transfer-Encoding: chunked',
			`X-${randomId(random, 1, 10)}: ${randomString(random, 40).replace(/[\r\n]/g, '')}`
		])
	);
	const chunked = headers.at(-1) === 'Transfer-Encoding: chunked';
	const payload = chunked
		? `${random.pick(['zz', 'ffffffffff', '5'])}\r\n${content}\r\n0\r\n\r\n`
		: content;
	return `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n${payload}`;
}
