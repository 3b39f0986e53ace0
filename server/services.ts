import type { Agent } from 'node:https';
import { openBackends, type SocketIoAdapter } from './backends';
import { retentionMs, type Config } from './config';
import { HOUR_MS } from '../src/lib/time-units';
import { log } from './log';
import { Metrics } from './metrics';
import { PlaybookCatalog } from './playbooks/playbook-catalog';
import type { PresenceStore } from './presence/presence-store';
import type { PushStore } from './push/push-store';
import { openTurnNotifications } from './push/turn-notifications';
import { checkReadiness, type Readiness } from './readiness';
import { RoomRegistry } from './rooms/room-registry';
import { startRoomSweeper } from './rooms/room-sweeper';
import type { BlobStore } from './storage/blob-store';
import type { CircleStore } from './teams/circle-store';
import type { PairingStore } from './teams/pairing-store';
import type { TeamStore } from './teams/team-store';
import { startTeamSweeper } from './teams/team-sweeper';
import type { TurnEvents } from './turns/turn-events';
import type { WakeIndex } from './turns/wake-index';
import type { AddressBuckets } from './limits/address-buckets';

/** The stateful parts of a server, chosen by configuration: embedded, or Redis when REDIS_URL is set. */
export interface Services {
	config: Config;
	rooms: RoomRegistry;
	/** The rooms' voice clips (protocol B1–B8). */
	blobs: BlobStore;
	playbooks: PlaybookCatalog;
	presence: PresenceStore;
	teams: TeamStore;
	pairing: PairingStore;
	circle: CircleStore;
	/** The rooms' Web Push subscriptions (protocol W1–W7). */
	push: PushStore;
	/** The VAPID public key, or undefined when notifications are off (`PUSH_SERVICES=off`). */
	vapidPublicKey: string | undefined;
	/**
	 * Where the async turn schedule reports turns starting and deadlines nearing (protocol A9):
	 * the push notifier (W4–W6), or nobody when notifications are off. The same for embedded and
	 * Redis deployments: the instance that decides a room's schedule tells.
	 */
	turnEvents: TurnEvents;
	/** When each room on turns next needs a server (protocol A14). */
	wakes: WakeIndex;
	/** The hourly limits per client address (with REDIS_URL, shared by every instance). */
	addressBuckets: AddressBuckets;
	metrics: Metrics;
	/**
	 * With REDIS_URL, socket.io's adapter through Redis: events to a room reach its sockets on
	 * every instance (docs/scale-out.md).
	 */
	socketIoAdapter: SocketIoAdapter | undefined;
	/** Asks every backend whether it answers (`/readyz`). */
	readiness(): Promise<Readiness>;
	/** The backend known to be down right now (Redis disconnected), without asking it. */
	unavailable(): string | undefined;
	/** Stores every loaded room and closes the backends. */
	close(): Promise<void>;
}

/** How often expired rooms are looked for. */
const SWEEP_EVERY_MS = HOUR_MS;

/** What a test may hand the services besides the configuration. */
export interface ServiceOptions {
	/** An agent for the requests to push services (a test's, trusting its local one). */
	pushAgent?: Agent;
	/** Who hears of turns instead of the push notifier (a test's observer). */
	turnEvents?: TurnEvents;
	/**
	 * The push subscriptions instead of the backend's own (a test's, over the same data, that
	 * holds a write back to let something happen meanwhile).
	 */
	pushStore?: PushStore;
}

export async function createServices(
	config: Config,
	options: ServiceOptions = {}
): Promise<Services> {
	const now = () => Date.now();
	const backends = await openBackends(config, now);
	const metrics = new Metrics();
	const playbooks = new PlaybookCatalog(backends.playbooks, config.COMMUNITY_PLAYBOOKS_MAX);
	const rooms = new RoomRegistry(backends.rooms, {
		unloadGraceMs: config.ROOM_UNLOAD_GRACE_MS,
		findPlaybook: (id) => playbooks.find(id),
		log: backends.log,
		awareness: backends.awareness,
		storeWithinMs: backends.storeWithinMs,
		lock: backends.lock,
		metrics
	});
	const push = options.pushStore ?? backends.push;
	const notifications = await openTurnNotifications(config, {
		store: push,
		vapidKeys: backends.vapidKeys,
		rooms,
		now,
		...(options.pushAgent && { agent: options.pushAgent })
	}).catch(async (error: unknown) => {
		await backends.close();
		throw error;
	});
	metrics.measure('roomsInMemory', () => rooms.loadedCount);
	metrics.measure('documentConnections', () => rooms.documentConnectionCount);
	metrics.measure('storageUp', () => (backends.unavailable() === undefined ? 1 : 0));
	const sweeper = startRoomSweeper({
		rooms,
		presence: backends.presence,
		retentionMs: retentionMs(config),
		everyMs: SWEEP_EVERY_MS,
		now,
		metrics
	});
	// Rooms that expired while the server was down go at start, not an hour later.
	sweeper.sweepInBackground();
	// Summaries of playbooks stored before them are written now, in the background.
	const warmUp = new AbortController();
	playbooks.readAllSummaries(warmUp.signal).catch((error: unknown) => {
		if (!warmUp.signal.aborted) log.playbooks.warn({ err: error }, 'reading summaries failed');
	});
	// Teams expire like rooms (ROOM_RETENTION_DAYS); their circles go after them.
	const teamSweeper = startTeamSweeper({
		teams: backends.teams,
		circle: backends.circle,
		everyMs: SWEEP_EVERY_MS,
		now
	});
	// Pairing goes with its space: swept on the same timer, the space's rows first.
	const pairingSweeper = startTeamSweeper({
		teams: {
			deleteExpired: async (at: number) => {
				const spaces = await backends.pairing.deleteExpired(at);
				if (spaces > 0) log.teams.info({ spaces }, 'pairing of expired spaces deleted');
				return 0;
			}
		},
		everyMs: SWEEP_EVERY_MS,
		now
	});
	return {
		config,
		rooms,
		blobs: backends.blobs,
		playbooks,
		presence: backends.presence,
		teams: backends.teams,
		pairing: backends.pairing,
		circle: backends.circle,
		push,
		vapidPublicKey: notifications.publicKey,
		turnEvents: options.turnEvents ?? notifications.events,
		wakes: backends.wakes,
		addressBuckets: backends.addressBuckets,
		metrics,
		socketIoAdapter: backends.socketIoAdapter,
		readiness: () => checkReadiness(backends.probes),
		unavailable: () => backends.unavailable(),
		async close() {
			warmUp.abort();
			await sweeper.stop();
			await teamSweeper.stop();
			await pairingSweeper.stop();
			await notifications.idle();
			await rooms.closeAll();
			await backends.close();
		}
	};
}
