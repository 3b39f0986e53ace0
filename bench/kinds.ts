import { startServerProcess, type ServerProcess } from './server-process';
import { yWebsocketClients, type Connect } from './clients';
import { hocuspocusClients } from './hocuspocus-clients';
import type { TestRedis } from '../tests/support/redis-server';

/** A server under test: which bundled script, how many instances, and its stock client. */
export interface ServerKind {
	name: string;
	script: 'ours' | 'y-websocket' | 'hocuspocus';
	instances: number;
	redis: boolean;
	clients(ports: number[]): Connect;
}

/** Practice Room's server, driven by the stock y-websocket provider. */
const ours = (name: string, instances: number, redis: boolean): ServerKind => ({
	name,
	script: 'ours',
	instances,
	redis,
	clients: (p) => yWebsocketClients(p, '/yjs')
});

/**
 * With two instances, each room's typist is on one and everyone else on the other
 * (`connectAll`), so every measured delivery crosses Redis.
 */
export const KINDS: ServerKind[] = [
	ours('practice-room', 1, false),
	{
		name: 'y-websocket',
		script: 'y-websocket',
		instances: 1,
		redis: false,
		clients: (p) => yWebsocketClients(p, '')
	},
	{
		name: 'hocuspocus',
		script: 'hocuspocus',
		instances: 1,
		redis: false,
		clients: hocuspocusClients
	},
	ours('practice-room-redis', 1, true),
	ours('practice-room-redis-x2', 2, true),
	{
		name: 'hocuspocus-redis',
		script: 'hocuspocus',
		instances: 2,
		redis: true,
		clients: hocuspocusClients
	}
];

/** Starts `count` rooms where the server needs that (ours); others take any name. */
export async function createRooms(
	kind: ServerKind,
	port: number,
	count: number,
	tag: string
): Promise<string[]> {
	if (kind.script !== 'ours') return Array.from({ length: count }, (_, i) => `${tag}-${i}`);
	const rooms: string[] = [];
	const start = () =>
		fetch(`http://127.0.0.1:${port}/api/rooms`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ playbookId: 'active-listening-sprint' })
		});
	for (let i = 0; i < count; i++) {
		// Once more on a broken connection: under load the client can reuse a kept-alive connection
		// just as the server closes it for idling (ECONNRESET). A room started twice costs nothing.
		const response = await start().catch(start);
		if (!response.ok) throw new Error(`starting a room answered ${response.status}`);
		rooms.push(((await response.json()) as { id: string }).id);
	}
	return rooms;
}

export interface Started {
	processes: ServerProcess[];
	ports: number[];
	stop(): Promise<void>;
}

export async function startKind(kind: ServerKind, redis: TestRedis | undefined): Promise<Started> {
	// The load generator starts every room from one address: lift the per-address limit.
	const env: Record<string, string> = {
		ROOMS_PER_ADDRESS_PER_HOUR: '1000000',
		// At info a server logs every room loaded and unloaded; the bench keeps its warnings.
		LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
		...(kind.redis && redis ? { REDIS_URL: redis.url } : {})
	};
	const processes: ServerProcess[] = [];
	for (let i = 0; i < kind.instances; i++)
		processes.push(await startServerProcess(kind.script, env));
	return {
		processes,
		ports: processes.map((p) => p.port),
		stop: async () => {
			await Promise.all(processes.map((p) => p.stop()));
		}
	};
}
