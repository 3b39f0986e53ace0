import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Server } from 'socket.io';
import { SOCKET_ANSWER_WITHIN_MS } from '../src/lib/protocol/answer-deadline';
import { provideDirectory, provideReportPageFailure } from '../src/lib/server/handover';
import { createApi } from './http/api';
import { createOpsRoutes } from './http/ops';
import { requestScheme } from './http/request-scheme';
import { guardedDirectory, reportPageFailures } from './http/page-failures';
import { storageGuard } from './http/storage-guard';
import { setSecurityHeaders } from './http/security-headers';
import type { Config } from './config';
import { setLogFormat, setLogLevel } from './log';
import type { Metrics } from './metrics';
import { createServices, type ServiceOptions, type Services } from './services';
import { currentTeam } from './teams/existing-team';
import type { TurnEvents } from './turns/turn-events';
import { attachRoomSocket, type RoomServer } from './socket/room-socket';
import { createYjsEndpoint } from './yjs/yjs-endpoint';

/** socket.io payloads are small control messages; anything bigger is refused. */
const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface Realtime {
	/**
	 * The JSON API and the operations endpoints (`/readyz`, `/metrics`); answers whether it
	 * handled the request.
	 */
	api(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
	/** Takes a WebSocket upgrade for the Yjs endpoint; answers whether it did. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	close(): Promise<void>;
}

/**
 * Attaches everything live to an HTTP server: socket.io at /socket.io/ and the Yjs endpoint at
 * /yjs/<roomId>. The production server and Vite's dev server both call this, so dev and
 * production share one code path. Attach after the server's request handler: socket.io wraps
 * the request listeners that exist when it attaches.
 */
export function attachRealtime(httpServer: HttpServer, services: Services): Realtime {
	const offset = services.config.ROOM_CLOCK_OFFSET_MS;
	const now = () => Date.now() + offset;
	const yjs = createYjsEndpoint(services.rooms, services.metrics);
	const io: RoomServer = new Server(httpServer, {
		serveClient: false,
		// The Yjs endpoint shares the upgrade event and may take a moment to answer.
		destroyUpgrade: false,
		maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
		...(services.socketIoAdapter && { adapter: services.socketIoAdapter })
	});
	// socket.io answers its polling requests before the server's own handler sees them.
	io.engine.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
		setSecurityHeaders(res, requestScheme(req, services.config.TRUST_PROXY) === 'https');
		next();
	});
	const roomSocket = attachRoomSocket(io, {
		rooms: services.rooms,
		presence: services.presence,
		now,
		heartbeatMs: services.config.PRESENCE_HEARTBEAT_MS,
		leaveGraceMs: services.config.LEAVE_GRACE_MS,
		metrics: services.metrics,
		sharedWithOtherInstances: services.socketIoAdapter !== undefined,
		unavailable: () => services.unavailable(),
		// Before the browser stops waiting, however long the HTTP deadline (protocol S24).
		answerWithinMs: Math.min(services.config.API_TIMEOUT_MS, SOCKET_ANSWER_WITHIN_MS),
		turnEvents: services.turnEvents,
		wakes: services.wakes,
		push: services.push
	});
	const guardStorage = storageGuard(() => services.unavailable(), services.config.API_TIMEOUT_MS);
	provideDirectory(
		guardedDirectory(
			{
				getRoom: (id) => services.rooms.getRoom(id),
				findPlaybook: (id) => services.playbooks.find(id),
				roomPlaybook: (room) => services.rooms.playbookOf(room),
				libraryPage: (filters, paging) => services.playbooks.page(filters, paging),
				countPlaybooks: () => services.playbooks.count(),
				teamExists: async (id) => (await currentTeam(services.teams, id, now())) !== undefined,
				communityPublishing: services.config.COMMUNITY_PLAYBOOKS === 'on'
			},
			guardStorage,
			services.metrics
		)
	);
	provideReportPageFailure(reportPageFailures(services.metrics));
	const ops = createOpsRoutes({ readiness: services.readiness, metrics: services.metrics });
	const api = createApi({
		rooms: services.rooms,
		blobs: services.blobs,
		playbooks: services.playbooks,
		publicUrl: services.config.PUBLIC_URL,
		addressBuckets: services.addressBuckets,
		roomsPerAddressPerHour: services.config.ROOMS_PER_ADDRESS_PER_HOUR,
		clipUploadsPerAddressPerHour: services.config.CLIP_UPLOADS_PER_ADDRESS_PER_HOUR,
		trustProxy: services.config.TRUST_PROXY,
		teams: services.teams,
		teamWritesPerAddressPerHour: services.config.TEAM_WRITES_PER_ADDRESS_PER_HOUR,
		pairing: services.pairing,
		pairingWritesPerAddressPerHour: services.config.PAIRING_WRITES_PER_ADDRESS_PER_HOUR,
		circle: services.circle,
		circleWritesPerAddressPerHour: services.config.CIRCLE_WRITES_PER_ADDRESS_PER_HOUR,
		metrics: services.metrics,
		guardStorage,
		communityPlaybooks: services.config.COMMUNITY_PLAYBOOKS === 'on',
		playbooksPerAddressPerHour: services.config.PLAYBOOKS_PER_ADDRESS_PER_HOUR,
		...(services.vapidPublicKey !== undefined && {
			push: {
				rooms: services.rooms,
				store: services.push,
				publicKey: services.vapidPublicKey,
				services: services.config.PUSH_SERVICES
			}
		}),
		now
	});

	return {
		api: async (req, res) => (await ops(req, res)) || api(req, res),
		handleUpgrade: yjs.handleUpgrade,
		async close() {
			roomSocket.close();
			await yjs.close();
			// Closing the transports, not disconnecting the sockets: clients then reconnect, to
			// another instance behind a load balancer. (io.disconnectSockets would reach every
			// instance through the adapter, and io.close would close the caller's HTTP server.)
			io.engine.close();
		}
	};
}

/**
 * Opens the stateful services for `config` and attaches the realtime module to `httpServer`:
 * what the production server (server/app.ts) and the dev server (server/vite-plugin.ts) share.
 * Closing stops the live connections first, then stores every room and closes the backends.
 */
export async function openRealtime(
	httpServer: HttpServer,
	config: Config,
	options: ServiceOptions = {}
): Promise<{
	realtime: Realtime;
	metrics: Metrics;
	/** Where the async turn schedule reports turns (the push notifier). */
	turnEvents: TurnEvents;
	close(): Promise<void>;
}> {
	// The log is one for the whole process: the last server opened sets its level.
	setLogLevel(config.LOG_LEVEL);
	setLogFormat(config.LOG_FORMAT);
	const services = await createServices(config, options);
	const realtime = attachRealtime(httpServer, services);
	return {
		realtime,
		metrics: services.metrics,
		turnEvents: services.turnEvents,
		async close() {
			await realtime.close();
			await services.close();
		}
	};
}
