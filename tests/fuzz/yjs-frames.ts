import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { writeUpdate } from '../../server/yjs/update-writer';
import { CONTROL_MAP } from '../../src/lib/protocol/control';
import {
	editUpdate,
	fuzzDoc,
	mutateBytes,
	openVarint,
	writeContent,
	writeControl
} from './doc-edits';
import type { Random } from './random';
import { randomJson, randomString } from './values';

/** One WebSocket frame for the Yjs endpoint, and what the server must do with it. */
export interface YjsFrame {
	data: Uint8Array | string;
	/** Undecodable for sure: the server must close the connection (rule Y5). */
	malformed: boolean;
	/** The generator that made it, for the report. */
	what: string;
}

/** The frame limit of the endpoint (rule Y5); one byte more is refused with 1009. */
const MAX_FRAME_BYTES = 2 * 1024 * 1024;
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** A sync message carrying `update`, as step 2 or as an update. */
export function updateFrame(random: Random, update: Uint8Array): Uint8Array {
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, random.pick([SYNC_STEP_2, SYNC_UPDATE]));
		encoding.writeVarUint8Array(e, update);
	});
}

/** A declared length far beyond the bytes that follow. */
const hugeNumber = (random: Random) =>
	random.pick([2 ** 20, 2 ** 31 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1, random.int(64, 2 ** 30)]);

type FrameGenerator = (random: Random, base: Uint8Array) => YjsFrame;

const malformed = (what: string, data: Uint8Array | string): YjsFrame => ({
	data,
	malformed: true,
	what
});
const wellFormed = (what: string, data: Uint8Array): YjsFrame => ({ data, malformed: false, what });

/**
 * Frames that are undecodable or cannot change a document's content: safe to send to the
 * witness room, which must come out of the fuzz exactly as it went in.
 */
const witnessSafe: [weight: number, FrameGenerator][] = [
	[
		3,
		(random) =>
			malformed(
				'truncated varint',
				Uint8Array.from(
					random.pick([
						() => openVarint(random),
						() => [MESSAGE_SYNC, ...openVarint(random)],
						() => [MESSAGE_SYNC, random.pick([0, 1, 2]), ...openVarint(random)],
						() => [MESSAGE_AWARENESS, ...openVarint(random)]
					])()
				)
			)
	],
	[
		3,
		(random) =>
			malformed(
				'huge declared length',
				frame((e) => {
					const type = random.pick([MESSAGE_SYNC, MESSAGE_AWARENESS]);
					encoding.writeVarUint(e, type);
					if (type === MESSAGE_SYNC) encoding.writeVarUint(e, random.int(0, 2));
					encoding.writeVarUint(e, hugeNumber(random));
					encoding.writeUint8Array(e, random.bytes(random.size(32)));
				})
			)
	],
	[
		2,
		(random) =>
			malformed(
				'wrong message type',
				frame((e) => {
					encoding.writeVarUint(e, random.pick([2, 4, 5, 127, 128, 2 ** 31, random.int(4, 1e6)]));
					encoding.writeUint8Array(e, random.bytes(random.size(32)));
				})
			)
	],
	[
		2,
		(random) =>
			malformed(
				'unknown sync step',
				frame((e) => {
					encoding.writeVarUint(e, MESSAGE_SYNC);
					encoding.writeVarUint(e, random.pick([3, 4, 255, 2 ** 20, random.int(3, 1e6)]));
					encoding.writeUint8Array(e, random.bytes(random.size(32)));
				})
			)
	],
	[1, (random) => malformed('text frame', randomString(random, 256))],
	[0.5, () => malformed('empty frame', new Uint8Array())],
	[
		0.05,
		(random) => {
			// Refused on its size alone, so its bytes need not be random (which would be slow).
			const data = new Uint8Array(MAX_FRAME_BYTES + random.int(1, 64)).fill(random.int(0, 255));
			return malformed('frame over 2 MiB', data);
		}
	],
	[
		1,
		(random) =>
			wellFormed(
				'step 1 with a garbage state vector',
				frame((e) => {
					encoding.writeVarUint(e, MESSAGE_SYNC);
					encoding.writeVarUint(e, SYNC_STEP_1);
					encoding.writeVarUint8Array(e, random.bytes(random.size(24)));
				})
			)
	],
	[
		0.5,
		(random) =>
			wellFormed(
				'query awareness with a tail',
				Uint8Array.from([MESSAGE_QUERY_AWARENESS, ...random.bytes(random.size(8))])
			)
	],
	[2, (random) => wellFormed('awareness with garbage', awarenessFrame(random))],
	[1, underServerClient],
	[1, anchoredToServerNext],
	[
		0.5,
		(random, base) =>
			wellFormed(
				'delete-only, many ranges the room lacks',
				updateFrame(random, deleteOnly(random, base, random.int(257, 200_000)))
			)
	],
	[
		3,
		(random, base) =>
			wellFormed(
				'control-map write',
				updateFrame(
					random,
					editUpdate(random, base, (doc) => writeControl(random, doc))
				)
			)
	]
];

/** The client ids that wrote the room's control map (`base`): the server's (rule Y3). */
function serverClients(base: Uint8Array): number[] {
	const clients = new Set<number>();
	for (const struct of Y.decodeUpdate(base).structs) {
		const parent: unknown = struct instanceof Y.Item ? struct.parent : null;
		if (parent === CONTROL_MAP) clients.add(struct.id.client);
	}
	return [...clients];
}

/** Content written under one of the server's client ids: refused whole (rule Y3). */
function underServerClient(random: Random, base: Uint8Array): YjsFrame {
	const doc = fuzzDoc(random);
	Y.applyUpdate(doc, base);
	// Set after loading the room: Yjs takes a new id on seeing its own in someone else's update.
	doc.clientID = random.pick(serverClients(base));
	const vector = Y.encodeStateVector(doc);
	writeContent(random, doc);
	doc.getText(random.pick(['notes', 'fuzz'])).insert(0, randomString(random, 8) || 'x');
	const update = Y.encodeStateAsUpdate(doc, vector);
	doc.destroy();
	return wellFormed('content under a server client id', updateFrame(random, update));
}

/**
 * A control value anchored to the next item a server would write (whatever key that is): it
 * would wait for that write and then take its key. Refused whole (rule Y3).
 */
function anchoredToServerNext(random: Random, base: Uint8Array): YjsFrame {
	const doc = fuzzDoc(random);
	Y.applyUpdate(doc, base);
	const own = doc.clientID;
	doc.clientID = random.pick(serverClients(base));
	const key = random.pick(['step', 'people', 'roomLocked', randomString(random, 6) || 'k']);
	doc.getMap(CONTROL_MAP).set(key, 0);
	const guessed = Y.encodeStateVector(doc);
	doc.clientID = own;
	doc.getMap(CONTROL_MAP).set(key, random.pick([randomString(random, 8), random.int(0, 99), true]));
	const update = Y.encodeStateAsUpdate(doc, guessed);
	doc.destroy();
	return wellFormed('a value anchored to a server’s next write', updateFrame(random, update));
}

/**
 * Deletions only, of `ranges` ranges of a client the room has never seen (or far past a known
 * client's clock): beyond the bound on what may wait, refused whole (rule L7).
 */
function deleteOnly(random: Random, base: Uint8Array, ranges: number): Uint8Array {
	const known = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(base));
	const client = random.chance(0.7) ? random.uint32() : random.pick([...known.keys(), 1]);
	const from = (known.get(client) ?? 0) + random.int(0, 1000);
	const step = random.int(2, 5);
	const deletions = Array.from({ length: ranges }, (_, i) => ({
		clock: from + i * step,
		len: random.int(1, step - 1)
	}));
	return writeUpdate([], new Map([[client, deletions]]));
}

/** Frames that may change a room's content: sent to the other rooms only. */
const contentChanging: [weight: number, FrameGenerator][] = [
	[2, (random) => wellFormed('random bytes', random.bytes(random.size(256)))],
	[
		2,
		(random, base) =>
			wellFormed(
				'content update',
				updateFrame(
					random,
					editUpdate(random, base, (doc) => writeContent(random, doc))
				)
			)
	],
	[
		6,
		(random, base) => {
			const update = editUpdate(random, base, (doc) => writeContent(random, doc));
			return wellFormed(
				'mutated update',
				random.chance(0.8)
					? updateFrame(random, mutateBytes(random, update))
					: mutateBytes(random, updateFrame(random, update))
			);
		}
	],
	[
		1,
		(random, base) => {
			// The second of two updates alone: the server must hold it until the first arrives.
			const doc = fuzzDoc(random);
			Y.applyUpdate(doc, base);
			writeContent(random, doc);
			const afterFirst = Y.encodeStateVector(doc);
			writeContent(random, doc);
			const second = Y.encodeStateAsUpdate(doc, afterFirst);
			doc.destroy();
			return wellFormed(
				'update with missing dependencies',
				updateFrame(random, random.chance(0.5) ? second : mutateBytes(random, second))
			);
		}
	],
	[
		1,
		(random, base) =>
			wellFormed(
				'delete-only, a few ranges the room lacks',
				updateFrame(random, deleteOnly(random, base, random.int(1, 256)))
			)
	],
	[
		1,
		(random) => {
			const doc = fuzzDoc(random);
			writeContent(random, doc);
			const v2 = Y.encodeStateAsUpdateV2(doc);
			doc.destroy();
			return wellFormed('a V2 update sent as V1', updateFrame(random, v2));
		}
	],
	[
		1,
		(random) =>
			wellFormed(
				'update with huge counts',
				updateFrame(
					random,
					frame((e) => {
						for (let i = random.int(1, 4); i > 0; i--) encoding.writeVarUint(e, hugeNumber(random));
						encoding.writeUint8Array(e, random.bytes(random.size(32)));
					})
				)
			)
	]
];

/** An awareness message whose entries are partly sound and partly garbage. */
function awarenessFrame(random: Random): Uint8Array {
	const entries = random.size(8);
	const update = frame((e) => {
		encoding.writeVarUint(e, random.chance(0.9) ? entries : hugeNumber(random));
		for (let i = 0; i < entries; i++) {
			encoding.writeVarUint(e, random.chance(0.5) ? random.int(0, 2 ** 32) : random.int(0, 16));
			encoding.writeVarUint(e, random.int(0, 10));
			const state = random.pick([
				() => 'null',
				() => JSON.stringify(randomJson(random, 3)),
				() => randomString(random, 32),
				() => JSON.stringify({ user: { name: randomString(random) }, cursor: null })
			])();
			encoding.writeVarString(e, state);
		}
	});
	return frame((e) => {
		encoding.writeVarUint(e, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(e, random.chance(0.2) ? mutateBytes(random, update) : update);
	});
}

/**
 * The frames of one connection: 1–6 of them, for the witness room only those that must change
 * nothing there. `base` is the room's document as an update, so overwrites name real items.
 */
export function yjsFrames(random: Random, base: Uint8Array, isWitness: boolean): YjsFrame[] {
	const generators = isWitness ? witnessSafe : [...witnessSafe, ...contentChanging];
	return Array.from({ length: random.int(1, 6) }, () => random.weighted(generators)(random, base));
}
