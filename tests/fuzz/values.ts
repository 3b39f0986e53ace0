import type { Random } from './random';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys that break code which copies objects carelessly, and keys our schemas read. */
const NASTY_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'then',
	'length',
	'type',
	'roomId',
	'participantId',
	'name',
	'roleId',
	'hostKey',
	'projectorToken',
	'protocolVersion',
	'target',
	'step',
	'value',
	'visible',
	'locked',
	'rounds',
	'ready',
	'playbookId',
	'title',
	'phases',
	'roles',
	''
];

/** Strings that look like something else: numbers, ids, markup, control characters. */
const NASTY_STRINGS = [
	'',
	'NaN',
	'Infinity',
	'-Infinity',
	'-0',
	'1e309',
	'0x10',
	'9007199254740993',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'__proto__',
	'constructor',
	'../../etc/passwd',
	'<script>alert(1)</script>',
	'\u0000',
	'\ud800',
	'\u202e',
	'🙂',
	'%00',
	'\r\n\r\n',
	'step.goto',
	'timer.start',
	'host.hand-over',
	'listener',
	'speaker',
	'active-listening-sprint',
	'AAAAAAAAAAAAAAAAAAAAAA'
];

const NASTY_NUMBERS = [
	0,
	-0,
	-1,
	1,
	2,
	5,
	6,
	0.5,
	1e308,
	-1e308,
	Number.MAX_SAFE_INTEGER,
	Number.MAX_SAFE_INTEGER + 2,
	2 ** 31,
	2 ** 32,
	Number.MIN_VALUE
];

const ALPHABETS = [
	'abcdefghijklmnopqrstuvwxyz-',
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
	' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
	'äöüßéñ漢字🙂\u200b\u0000\uffff'
];

/** A string: mostly short, from a few alphabets, sometimes one of the nasty ones, sometimes long. */
export function randomString(random: Random, maxLength = 64): string {
	if (random.chance(0.3)) return random.pick(NASTY_STRINGS);
	const alphabet = [...random.pick(ALPHABETS)];
	const length = random.size(maxLength);
	let text = '';
	for (let i = 0; i < length; i++) text += random.pick(alphabet);
	return text;
}

export function randomNumber(random: Random): number {
	return random.chance(0.5) ? random.pick(NASTY_NUMBERS) : random.int(-1000, 1000);
}

/** Arrays nested `depth` deep: `[[[…]]]`. */
export function nested(depth: number): Json {
	let value: Json = [];
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}

/** Any JSON value, up to `depth` levels of arrays and objects. */
export function randomJson(random: Random, depth = 4): Json {
	const kind = random.int(0, depth > 0 ? 7 : 4);
	switch (kind) {
		case 0:
			return null;
		case 1:
			return random.chance(0.5);
		case 2:
			return randomNumber(random);
		case 3:
		case 4:
			return randomString(random);
		case 5:
			return Array.from({ length: random.size(8) }, () => randomJson(random, depth - 1));
		default:
			return randomObject(random, depth - 1);
	}
}

export function randomObject(random: Random, depth = 3): { [key: string]: Json } {
	const object: { [key: string]: Json } = {};
	const keys = random.size(8);
	for (let i = 0; i < keys; i++) {
		const key = random.chance(0.6) ? random.pick(NASTY_KEYS) : randomString(random, 12);
		// Own property, even for "__proto__", as JSON.parse would make it.
		Object.defineProperty(object, key, {
			value: randomJson(random, depth),
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return object;
}

/**
 * A copy of `valid` with one field broken (removed, replaced by a random value, or added), the
 * whole wrapped or replaced, or now and then left valid: near-valid input, the kind that slips
 * past shallow checks.
 */
export function mutateObject(random: Random, valid: { [key: string]: Json }): Json {
	const copy: { [key: string]: Json } = { ...valid };
	const keys = Object.keys(copy);
	const key = keys.length > 0 && random.chance(0.8) ? random.pick(keys) : random.pick(NASTY_KEYS);
	switch (random.int(0, 3)) {
		case 0:
			delete copy[key];
			return copy;
		case 1:
			Object.defineProperty(copy, key, {
				value: randomJson(random, 2),
				enumerable: true,
				writable: true,
				configurable: true
			});
			return copy;
		case 2:
			return random.chance(0.5) ? [copy] : randomJson(random, 1);
		default:
			return copy;
	}
}

/**
 * Text as one URL path segment that stays one: a lone surrogate, which no URL can carry, becomes
 * U+FFFD, and a segment of dots alone, which URLs resolve as a step up, gets a tail.
 */
export function pathSegment(text: string): string {
	const segment = encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'));
	return segment === '.' || segment === '..' ? `${segment}~` : segment;
}
