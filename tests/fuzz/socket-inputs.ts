import { PROTOCOL_VERSION } from '../../src/lib/protocol/version';
import type { Random } from './random';
import { mutateObject, nested, randomJson, randomString, type Json } from './values';

/** One `emit` of the stock socket.io client. */
export interface SocketCall {
	event: string;
	args: Json[];
	/** Sent with an acknowledgement callback. */
	withAck: boolean;
	/** The server must answer the acknowledgement: a known event with the arguments it takes. */
	answerDue: boolean;
	/** Over socket.io's 64 KiB message limit: the server must close the connection instead. */
	oversized: boolean;
}

/** A socket.io client's session: an optional valid join first, then the fuzzed calls. */
export interface SocketSession {
	join: { [key: string]: Json } | undefined;
	calls: SocketCall[];
}

/** socket.io's message limit on the server (`maxHttpBufferSize`). */
const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** Events the server handles and how many payload arguments each takes before the ack. */
const KNOWN_EVENTS: Record<string, number> = {
	'room:watch': 1,
	'room:join': 1,
	'presence:visibility': 1,
	'control:command': 1,
	'rating:submit': 1,
	'clock:ping': 0
};
/** Events whose acknowledgement the server answers (visibility has none). */
const ANSWERED = new Set([
	'room:watch',
	'room:join',
	'control:command',
	'rating:submit',
	'clock:ping'
]);

const ODD_EVENTS = [
	'room:leave',
	'room:JOIN',
	'control:commands',
	'presence:roster',
	'protocol:error',
	'host:key',
	'constructor',
	'__proto__',
	'toString',
	'hasOwnProperty',
	'emit',
	'on',
	''
];

const URL_SAFE = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];

/** `min` to `max` URL-safe characters, or now and then something that is not. */
export const randomId = (random: Random, min = 8, max = 64) =>
	random.chance(0.9)
		? Array.from({ length: random.int(min, max) }, () => random.pick(URL_SAFE)).join('')
		: randomString(random, max + 8);

/** A few people who come back, with their own key or someone else's (rule S17). */
const REGULARS = ['fuzz-regular-1', 'fuzz-regular-2', 'fuzz-regular-3'];
const REGULAR_KEYS = ['fuzz-regular-key-aaaaaaaa', 'fuzz-regular-key-bbbbbbbb'];

export interface SocketTargets {
	/** Room ids to aim at: the witness, the fuzz rooms, unknown and malformed ones. */
	roomId(random: Random): string;
	roleIds: readonly string[];
}

function validJoin(random: Random, roomId: string, roleIds: readonly string[]) {
	const regular = random.chance(0.3);
	const join: { [key: string]: Json } = {
		protocolVersion: random.chance(0.95) ? PROTOCOL_VERSION : random.int(0, 9),
		roomId,
		participantId: regular ? random.pick(REGULARS) : randomId(random),
		participantKey: regular ? random.pick(REGULAR_KEYS) : randomId(random, 22, 64),
		name: randomString(random, 40) || 'Fuzz',
		roleId: random.chance(0.9) ? random.pick(roleIds) : randomString(random, 12)
	};
	if (random.chance(0.2)) join.hostKey = randomId(random, 22, 64);
	return join;
}

function validCommand(random: Random): { [key: string]: Json } {
	const step = random.chance(0.8) ? random.int(0, 12) : random.int(0, 1e9);
	return random.pick<() => { [key: string]: Json }>([
		() => ({ type: 'step.goto', target: step }),
		() => ({ type: random.pick(['timer.start', 'timer.pause', 'timer.resume', 'timer.reset']) }),
		() => ({ type: 'timer.add-minute' }),
		() => ({ type: 'round.more', rounds: random.int(1, 13), step }),
		() => ({ type: 'ready.set', step, ready: random.chance(0.5) }),
		() => ({
			type: random.pick(['hand.raise', 'agreements.confirm', 'room.pause', 'room.resume'])
		}),
		() => ({
			type: random.pick(['hand.lower', 'host.hand-over', 'host.remove']),
			participantId: randomId(random)
		}),
		() => ({
			type: random.pick(['host.lock-control', 'host.lock-room']),
			locked: random.chance(0.5)
		})
	])();
}

function validPayload(random: Random, event: string, targets: SocketTargets): Json {
	const roomId = targets.roomId(random);
	switch (event) {
		case 'room:watch':
			return random.chance(0.8) ? { roomId } : { roomId, projectorToken: randomId(random, 22, 64) };
		case 'room:join':
			return validJoin(random, roomId, targets.roleIds);
		case 'presence:visibility':
			return { visible: random.chance(0.5) };
		case 'control:command':
			return validCommand(random);
		default:
			return { step: random.int(0, 12), value: random.int(0, 6) };
	}
}

/** A payload: valid, near-valid, random, deeply nested, a big string or one over the limit. */
function payload(random: Random, event: string, targets: SocketTargets): Json {
	return random.weighted<() => Json>([
		[3, () => validPayload(random, event, targets)],
		[
			5,
			() => {
				const valid = validPayload(random, event, targets);
				return valid !== null && typeof valid === 'object' && !Array.isArray(valid)
					? mutateObject(random, valid)
					: valid;
			}
		],
		[3, () => randomJson(random, 5)],
		// The stock client walks payloads recursively: deeper ones go out raw (rawSocketPackets).
		[0.5, () => nested(random.int(100, 1000))],
		[0.3, () => 'x'.repeat(random.int(1, MAX_SOCKET_MESSAGE_BYTES - 256))],
		[0.1, () => 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES + random.int(1, 1024))]
	])();
}

/** The size of a call on the wire, near enough to tell it from the limit. */
const wireBytes = (call: Pick<SocketCall, 'event' | 'args'>) =>
	Buffer.byteLength(JSON.stringify([call.event, ...call.args])) + 16;

function call(random: Random, targets: SocketTargets): SocketCall {
	const known = random.chance(0.85);
	const event = known ? random.pick(Object.keys(KNOWN_EVENTS)) : random.pick(ODD_EVENTS);
	const expectedArgs = KNOWN_EVENTS[event] ?? 1;
	const argCount = random.chance(0.85) ? expectedArgs : random.int(0, 3);
	const args = Array.from({ length: argCount }, () => payload(random, event, targets));
	const withAck = random.chance(0.75);
	const oversized = wireBytes({ event, args }) > MAX_SOCKET_MESSAGE_BYTES;
	return {
		event,
		args,
		withAck,
		answerDue: withAck && ANSWERED.has(event) && argCount === expectedArgs && !oversized,
		oversized
	};
}

/** A session of 1–8 calls, half of them after a valid join to one of the rooms. */
export function socketSession(random: Random, targets: SocketTargets): SocketSession {
	const join = random.chance(0.5)
		? validJoin(random, targets.roomId(random), targets.roleIds)
		: undefined;
	return { join, calls: Array.from({ length: random.int(1, 8) }, () => call(random, targets)) };
}

/** Event names the stock client refuses to send; only a raw packet carries them. */
const RESERVED_EVENTS = [
	'connect',
	'connect_error',
	'disconnect',
	'disconnecting',
	'newListener',
	'removeListener',
	'error'
];

/**
 * Text frames in socket.io's own wire format (engine.io packet type, socket.io packet type,
 * JSON), sent over a raw WebSocket after the namespace connect `40`: reserved event names,
 * nesting too deep for the stock client, binary placeholders whose attachments never come,
 * acks for nothing, unknown namespaces and plain garbage.
 */
export function rawSocketPackets(random: Random, targets: SocketTargets): string[] {
	const event = () =>
		random.pick([...RESERVED_EVENTS, ...Object.keys(KNOWN_EVENTS), ...ODD_EVENTS]);
	const packets: [number, () => string][] = [
		[3, () => `42${JSON.stringify([event(), payload(random, 'room:join', targets)])}`],
		[
			1,
			() => {
				const depth = random.int(1000, 30_000);
				return `42["${event()}",${'['.repeat(depth)}${']'.repeat(depth)}]`;
			}
		],
		[
			1,
			() =>
				`45${random.pick([1, 2, 99, 2 ** 31, random.int(0, 9)])}-${JSON.stringify([
					event(),
					{ _placeholder: true, num: random.int(0, 3) }
				])}`
		],
		[1, () => `43${random.int(0, 1e6)}${JSON.stringify([randomJson(random, 2)])}`],
		[1, () => `42${random.pick(['[]', '[1]', '[null]', '{}', '"x"', '[{}]', '[[]]'])}`],
		[1, () => `42${randomString(random, 64)}`],
		[1, () => `4${random.int(0, 9)}${randomString(random, 64)}`],
		[1, () => `${random.int(0, 9)}${randomString(random, 64)}`],
		[0.5, () => random.pick(['2probe', '3', '5', '6', '40/admin,', '41', '42/admin,["x"]'])]
	];
	const sent = Array.from({ length: random.int(1, 6) }, () => random.weighted(packets)());
	return random.chance(0.9) ? ['40', ...sent] : sent;
}
