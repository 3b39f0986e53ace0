import { assertNever } from '../../src/lib/assert-never';
import { findBuiltInPlaybook } from '../../src/lib/playbooks/library';
import { createRoom } from '../support/server';
import type { FuzzInput } from './fire';
import { httpRequest, rawHttpRequest } from './http-inputs';
import { Random } from './random';
import { randomId, rawSocketPackets, socketSession, type SocketTargets } from './socket-inputs';
import { pathSegment, randomString } from './values';
import { openWitness, viewRoom, type Witness } from './witness';
import { yjsFrames } from './yjs-frames';

/** Rooms fuzzed besides the witness: enough to spread joins, few enough to load often. */
const FUZZ_ROOMS = 8;

/** The rooms the fuzz aims at, with what generators need to know about them. */
export interface Targets {
	witness: Witness;
	rooms: { id: string; update: Uint8Array }[];
	roleIds: readonly string[];
}

/** An id that is some room's, no room's, or no id at all. */
function pickRoomId(random: Random, targets: Targets): string {
	return random.weighted<() => string>([
		[3, () => targets.witness.roomId],
		[5, () => random.pick(targets.rooms).id],
		[1, () => randomId(random, 22, 22)],
		[1, () => randomString(random, 40)]
	])();
}

/** Input number `index` of the run: the same seed and index always give the same input. */
export function planInput(
	seed: number,
	index: number,
	targets: Targets
): { input: FuzzInput; label: string } {
	const random = new Random(seed, index);
	const socketTargets: SocketTargets = {
		roomId: (r) => pickRoomId(r, targets),
		roleIds: targets.roleIds
	};
	const roomIds = [targets.witness.roomId, ...targets.rooms.map((room) => room.id)];
	const kind = random.weighted<FuzzInput['kind']>([
		[45, 'yjs'],
		[28, 'socket'],
		[5, 'socket-raw'],
		[17, 'http'],
		[5, 'http-raw']
	]);
	switch (kind) {
		case 'yjs': {
			const roomId = pickRoomId(random, targets);
			const isWitness = roomId === targets.witness.roomId;
			const base = isWitness
				? targets.witness.expected.update
				: (targets.rooms.find((room) => room.id === roomId) ?? random.pick(targets.rooms)).update;
			const query = random.weighted<() => string>([
				[isWitness ? 18 : 0, () => `?${new URLSearchParams(targets.witness.ticket)}`],
				[2, () => ''],
				[
					1,
					() =>
						`?${new URLSearchParams({ participant: randomId(random), ticket: randomId(random, 22, 64) })}`
				],
				[1, () => `?${new URLSearchParams({ projector: randomId(random, 22, 40) })}`]
			])();
			const frames = yjsFrames(random, base, isWitness);
			const name = isWitness ? 'witness' : roomId.slice(0, 30);
			return {
				input: { kind: 'yjs', path: `/yjs/${pathSegment(roomId)}${query}`, frames },
				label: `yjs ${name}${query.replace(/ticket=[^&]+/, 'ticket=…')}: ${frames.map((f) => f.what).join(', ')}`
			};
		}
		case 'socket': {
			const session = socketSession(random, socketTargets);
			const events = session.calls.map((call) => call.event || '""').join(', ');
			return {
				input: { kind: 'socket', session },
				label: `socket${session.join ? ' joined' : ''}: ${events}`
			};
		}
		case 'socket-raw': {
			const packets = rawSocketPackets(random, socketTargets);
			return {
				input: { kind: 'socket-raw', packets },
				label: `raw socket.io: ${packets.map((p) => JSON.stringify(p.slice(0, 40))).join(', ')}`
			};
		}
		case 'http': {
			const request = httpRequest(random, roomIds);
			const size = request.body === undefined ? 0 : Buffer.byteLength(request.body);
			return {
				input: { kind: 'http', request },
				label: `http ${request.method} ${request.path.slice(0, 60)} (${size} B body)`
			};
		}
		case 'http-raw': {
			const bytes = rawHttpRequest(random, roomIds);
			return {
				input: { kind: 'http-raw', bytes },
				label: `raw http: ${JSON.stringify(bytes.slice(0, 200))}`
			};
		}
		default:
			return assertNever(kind);
	}
}

/** Sets up the witness room and the rooms to fuzz. */
export async function openTargets(serverUrl: string): Promise<Targets> {
	const witness = await openWitness(serverUrl);
	const rooms = await Promise.all(
		Array.from({ length: FUZZ_ROOMS }, async () => {
			const { id } = await createRoom(serverUrl);
			return { id, update: (await viewRoom(serverUrl, id)).update };
		})
	);
	const roleIds =
		findBuiltInPlaybook('active-listening-sprint')?.roles.map((role) => role.id) ?? [];
	return { witness, rooms, roleIds };
}
