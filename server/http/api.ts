import type { Metrics } from '../metrics';
import { requestUrl } from './request-path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	createRoomRequestSchema,
	ROOM_NOT_FOUND,
	type CreateRoomReply
} from '../../src/lib/protocol/http';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import type { AddressBuckets } from '../limits/address-buckets';
import { requestAddressKey } from '../limits/client-address';
import {
	DEFAULT_CLIP_UPLOADS_PER_ADDRESS_PER_HOUR,
	DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR,
	LIMIT_WORDS
} from '../limits/limits';
import { DEFAULT_PLAYBOOKS_PER_ADDRESS_PER_HOUR } from '../playbooks/community-limits';
import type { PlaybookCatalog } from '../playbooks/playbook-catalog';
import { playbookRoutes } from '../playbooks/playbook-routes';
import type { RoomRegistry } from '../rooms/room-registry';
import type { BlobStore } from '../storage/blob-store';
import { clipRoutes } from '../clips/clip-routes';
import { DEFAULT_TEAM_WRITES_PER_ADDRESS_PER_HOUR } from '../teams/team-limits';
import { teamRoutes } from '../teams/team-routes';
import { pairingRoutes } from '../teams/pairing-routes';
import type { PairingStore } from '../teams/pairing-store';
import { DEFAULT_PAIRING_WRITES_PER_ADDRESS_PER_HOUR } from '../teams/team-limits';
import { builtInPlaybooks } from '../../src/lib/playbooks/library';
import { DEFAULT_CIRCLE_WRITES_PER_ADDRESS_PER_HOUR } from '../teams/circle-limits';
import { circleRoutes } from '../teams/circle-routes';
import type { CircleStore } from '../teams/circle-store';
import { playbookFeedRoute } from '../playbooks/playbook-feed';
import type { TeamStore } from '../teams/team-store';
import { hourlyAddressLimit, tooManyFromAddress } from './address-limit';
import { requestScheme } from './request-scheme';
import { answerFailure } from './answer-failure';
import { HttpProblem, parseRequest, readJson, sendJson } from './json';
import { newLinkId } from './link-id';
import { isCrossSiteWrite } from './request-origin';
import type { StorageGuard } from './storage-guard';
import { pushRoutes, type PushRouteDeps } from '../push/push-routes';

export interface ApiDeps {
	rooms: RoomRegistry;
	/** The rooms' voice clips (protocol B1–B8). */
	blobs: BlobStore;
	playbooks: PlaybookCatalog;
	publicUrl: string | undefined;
	now(): number;
	/** Where the hourly limits per address are counted (with REDIS_URL, shared by every instance). */
	addressBuckets: AddressBuckets;
	/** Rooms one client address may start per hour (protocol L5; ROOMS_PER_ADDRESS_PER_HOUR). */
	roomsPerAddressPerHour?: number;
	/** Voice clips one client address may upload per hour (LB1; CLIP_UPLOADS_PER_ADDRESS_PER_HOUR). */
	clipUploadsPerAddressPerHour?: number;
	/** Reverse proxies trusted for X-Forwarded-For and X-Forwarded-Proto (TRUST_PROXY); default 0. */
	trustProxy?: number;
	teams: TeamStore;
	/** Team writes one client address may make per hour (protocol L6; TEAM_WRITES_PER_ADDRESS_PER_HOUR). */
	teamWritesPerAddressPerHour?: number;
	/** The team spaces' pairing (issue 16); without it, no pairing routes. */
	pairing?: PairingStore;
	/** Pairing writes one client address may make per hour (protocol LP1). */
	pairingWritesPerAddressPerHour?: number;
	circle: CircleStore;
	/** Circle writes one client address may make per hour (protocol LC1; CIRCLE_WRITES_PER_ADDRESS_PER_HOUR). */
	circleWritesPerAddressPerHour?: number;
	metrics: Pick<Metrics, 'error' | 'refusedRequest' | 'roomCreated'>;
	/**
	 * Runs a request that needs storage: answered 503 at once when a backend is known to be down
	 * (Redis disconnected) instead of waiting for it, or after API_TIMEOUT_MS when it does not answer.
	 */
	guardStorage: StorageGuard;
	/** Whether people may save community playbooks (COMMUNITY_PLAYBOOKS); default true. */
	communityPlaybooks?: boolean;
	/** Community playbooks one client address may save per hour (C1; PLAYBOOKS_PER_ADDRESS_PER_HOUR). */
	playbooksPerAddressPerHour?: number;
	/** Web Push subscriptions (W1–W3); without it (notifications off), no push routes. */
	push?: PushRouteDeps;
}

function baseUrl(req: IncomingMessage, publicUrl: string | undefined, trustProxy: number): string {
	if (publicUrl) return publicUrl.replace(/\/$/, '');
	return `${requestScheme(req, trustProxy)}://${req.headers.host ?? 'localhost'}`;
}

/**
 * A route: every method but GET takes a body, read before the route runs and handed to it: JSON
 * of at most `body` bytes (default: readJson's), or whatever a {@link BodyReader} makes of it
 * (a voice clip's bytes).
 */
export type Route = [
	method: string,
	pattern: RegExp,
	handle: RouteHandler,
	body?: number | BodyReader
];
/**
 * Reads a route's body that is not JSON, given the path's captured parameter (so it can ask who
 * sends before it reads); throws an {@link HttpProblem} to refuse it.
 */
export type BodyReader = (req: IncomingMessage, param: string) => Promise<unknown>;
type RouteHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	param: string,
	body: unknown
) => Promise<void>;

/**
 * The JSON API and health check (the external contract in README). Answers whether it handled
 * the request, so the caller can hand every other path to SvelteKit.
 */
export function createApi(deps: ApiDeps) {
	const roomsPerHour = deps.roomsPerAddressPerHour ?? DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR;
	const trustProxy = deps.trustProxy ?? 0;
	/** Room starts per client address: all of them at once, then refilled over the hour. */
	const countRoomStart = hourlyAddressLimit(
		deps.addressBuckets,
		roomsPerHour,
		'room_starts',
		tooManyFromAddress(LIMIT_WORDS.tooManyRooms)
	);
	const routes: Route[] = [
		[
			'GET',
			/^\/healthz$/,
			async (_req, res) => sendJson(res, 200, { status: 'ok', roomsLoaded: deps.rooms.loadedCount })
		],
		...playbookRoutes({
			playbooks: deps.playbooks,
			now: deps.now,
			publishing: deps.communityPlaybooks ?? true,
			savesPerAddressPerHour:
				deps.playbooksPerAddressPerHour ?? DEFAULT_PLAYBOOKS_PER_ADDRESS_PER_HOUR,
			linkBase: (req) => baseUrl(req, deps.publicUrl, trustProxy),
			addressBuckets: deps.addressBuckets,
			addressKey: (req) => requestAddressKey(req, trustProxy)
		}),
		[
			'POST',
			/^\/api\/rooms$/,
			async (req, res, _param, body) => {
				const { playbookId, async: turns } = parseRequest(
					createRoomRequestSchema,
					body,
					'The request is not a valid room request.'
				);
				// Behind a proxy every client has the proxy's address unless TRUST_PROXY says how
				// many proxies to look through (docs/protocol.md, L5).
				await countRoomStart(res, requestAddressKey(req, trustProxy), deps.now());
				const id = newLinkId();
				const meta = { id, playbookId, createdAt: deps.now() };
				const created = await deps.rooms.create(meta, turns?.windowsMs);
				if (!created) {
					throw new HttpProblem(400, `There is no playbook "${playbookId}".`, {
						code: 'unknown_playbook',
						params: { id: playbookId },
						problems: [`playbookId: unknown playbook "${playbookId}"`]
					});
				}
				if ('refused' in created) {
					throw new HttpProblem(400, created.refused, {
						code: 'invalid_request',
						problems: [`async: ${created.refused}`]
					});
				}
				deps.metrics.roomCreated();
				const reply: CreateRoomReply = {
					id,
					playbookId,
					hostKey: created.hostKey,
					url: `${baseUrl(req, deps.publicUrl, trustProxy)}/r/${id}`
				};
				sendJson(res, 201, reply);
			}
		],
		[
			'GET',
			/^\/api\/rooms\/([^/]+)$/,
			async (_req, res, id) => {
				const roomId = roomIdSchema.safeParse(id);
				const meta = roomId.success ? await deps.rooms.getRoom(roomId.data) : undefined;
				if (!meta) throw new HttpProblem(404, ROOM_NOT_FOUND, { code: 'room_not_found' });
				sendJson(res, 200, meta);
			}
		],
		...clipRoutes({
			rooms: deps.rooms,
			blobs: deps.blobs,
			newClipId: newLinkId,
			guardStorage: deps.guardStorage,
			uploadsPerAddressPerHour:
				deps.clipUploadsPerAddressPerHour ?? DEFAULT_CLIP_UPLOADS_PER_ADDRESS_PER_HOUR,
			addressBuckets: deps.addressBuckets,
			addressKey: (req) => requestAddressKey(req, trustProxy),
			now: deps.now
		}),
		...teamRoutes({
			teams: deps.teams,
			now: deps.now,
			writesPerAddressPerHour:
				deps.teamWritesPerAddressPerHour ?? DEFAULT_TEAM_WRITES_PER_ADDRESS_PER_HOUR,
			linkBase: (req) => baseUrl(req, deps.publicUrl, trustProxy),
			addressBuckets: deps.addressBuckets,
			addressKey: (req) => requestAddressKey(req, trustProxy)
		}),
		...(deps.pairing
			? pairingRoutes({
					teams: deps.teams,
					pairing: deps.pairing,
					now: deps.now,
					writesPerAddressPerHour:
						deps.pairingWritesPerAddressPerHour ?? DEFAULT_PAIRING_WRITES_PER_ADDRESS_PER_HOUR,
					playbooks: builtInPlaybooks,
					async startRoom(playbookId) {
						const id = newLinkId();
						const created = await deps.rooms.create({ id, playbookId, createdAt: deps.now() });
						if (!created) throw new Error(`the pairing's playbook ${playbookId} is missing`);
						deps.metrics.roomCreated();
						return id;
					},
					linkBase: (req) => baseUrl(req, deps.publicUrl, trustProxy),
					addressBuckets: deps.addressBuckets,
					addressKey: (req) => requestAddressKey(req, trustProxy)
				})
			: []),
		...circleRoutes({
			teams: deps.teams,
			circle: deps.circle,
			playbooks: deps.playbooks,
			now: deps.now,
			writesPerAddressPerHour:
				deps.circleWritesPerAddressPerHour ?? DEFAULT_CIRCLE_WRITES_PER_ADDRESS_PER_HOUR,
			addressBuckets: deps.addressBuckets,
			addressKey: (req) => requestAddressKey(req, trustProxy)
		}),
		playbookFeedRoute({
			playbooks: deps.playbooks,
			linkBase: (req) => baseUrl(req, deps.publicUrl, trustProxy)
		}),
		...(deps.push ? pushRoutes(deps.push) : [])
	];

	return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const url = requestUrl(req);
		if (!url) {
			const problem = new HttpProblem(400, 'The address of this request is not valid.', {
				code: 'invalid_request'
			});
			answerFailure(req, res, problem, deps.metrics);
			return true;
		}
		const path = url.pathname;
		const matching = routes.filter(([, pattern]) => pattern.test(path));
		if (matching.length === 0) return false;
		try {
			const match = matching.find(([method]) => method === req.method);
			if (!match) {
				res.setHeader('allow', matching.map(([method]) => method).join(', '));
				throw new HttpProblem(405, `Use ${matching.map(([method]) => method).join(' or ')} here.`, {
					code: 'method_not_allowed'
				});
			}
			// Before the body is read: another site's page may not act here in its visitor's name
			// (docs/security.md, cross-site requests).
			const crossSite = isCrossSiteWrite({
				method: req.method,
				origin: req.headers.origin,
				host: req.headers.host,
				publicUrl: deps.publicUrl
			});
			if (crossSite) {
				throw new HttpProblem(403, 'Requests from other sites are not accepted.', {
					code: 'cross_site',
					problems: [],
					refused: 'cross_origin'
				});
			}
			const [method, pattern, route, bodySpec] = match;
			// The whole body before the route runs, so API_TIMEOUT_MS counts from its arrival
			// whatever the route waits for first: a client uploading slowly is not storage
			// answering slowly, and a route that looks something up before it reads its body
			// cannot wait for a body nobody reads.
			const param = pattern.exec(path)?.[1] ?? '';
			const body =
				method === 'GET'
					? undefined
					: typeof bodySpec === 'function'
						? await bodySpec(req, param)
						: await readJson(req, bodySpec);
			const run = () => route(req, res, param, body);
			// /healthz says the process is alive, whatever its backends; everything else needs storage.
			await (path === '/healthz' ? run() : deps.guardStorage(run));
		} catch (error) {
			answerFailure(req, res, error, deps.metrics);
		}
		return true;
	};
}
