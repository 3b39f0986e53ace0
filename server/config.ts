import { z } from 'zod';
import { formatProblems } from '../src/lib/protocol/problems';
import { DEFAULT_PUSH_SERVICES, parsePushServices } from './push/push-services';
import { DEFAULT_HEARTBEAT_MS } from '../src/lib/room/presence';
import { DAY_MS } from '../src/lib/time-units';
import {
	DEFAULT_CLIP_UPLOADS_PER_ADDRESS_PER_HOUR,
	DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR
} from './limits/limits';
import {
	DEFAULT_COMMUNITY_PLAYBOOKS_MAX,
	DEFAULT_PLAYBOOKS_PER_ADDRESS_PER_HOUR
} from './playbooks/community-limits';
import {
	DEFAULT_PAIRING_WRITES_PER_ADDRESS_PER_HOUR,
	DEFAULT_TEAM_WRITES_PER_ADDRESS_PER_HOUR
} from './teams/team-limits';
import { DEFAULT_CIRCLE_WRITES_PER_ADDRESS_PER_HOUR } from './teams/circle-limits';

/** Environment variables, parsed once at start-up (README: Configuration). */
export const configSchema = z.object({
	/** Port for pages, API, Yjs and socket.io; 0 picks a free one. */
	PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
	/** Interface to listen on. */
	HOST: z.string().min(1).default('0.0.0.0'),
	/** Folder of the embedded SQLite store, used when REDIS_URL is unset. */
	DATA_DIR: z.string().min(1).default('./data'),
	/** When set, presence and room storage live in this Redis. */
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
		.optional(),
	/** Public base URL used in room links, e.g. https://practice.example.org; default: the request's host. */
	PUBLIC_URL: z.url().optional(),
	/** How long a room stays in memory after its last connection leaves, in ms. */
	ROOM_UNLOAD_GRACE_MS: z.coerce.number().int().nonnegative().default(30_000),
	/**
	 * How long someone may be disconnected before the room stops waiting for them (a rating
	 * reveal), in ms.
	 */
	LEAVE_GRACE_MS: z.coerce.number().int().nonnegative().default(15_000),
	/**
	 * Moves the time rooms decide by (timers, the deadlines of turns across time zones) this many
	 * ms ahead of the machine's clock: for tests and demos of deadlines passing. Leave at 0.
	 */
	ROOM_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
	/**
	 * Days a room is kept after its last activity (a change to its document, or a join); then it
	 * is deleted with everything in it. Fractions are allowed.
	 */
	ROOM_RETENTION_DAYS: z.coerce.number().positive().default(30),
	/**
	 * Rooms one client address may start per hour: all at once, then one more every
	 * 3600 / n seconds (docs/protocol.md, L5). Behind a proxy every client shares its address.
	 */
	ROOMS_PER_ADDRESS_PER_HOUR: z.coerce
		.number()
		.int()
		.positive()
		.default(DEFAULT_ROOMS_PER_ADDRESS_PER_HOUR),
	/**
	 * Voice clips one client address may upload per hour (docs/protocol.md, LB1), refilled like
	 * ROOMS_PER_ADDRESS_PER_HOUR.
	 */
	CLIP_UPLOADS_PER_ADDRESS_PER_HOUR: z.coerce
		.number()
		.int()
		.positive()
		.default(DEFAULT_CLIP_UPLOADS_PER_ADDRESS_PER_HOUR),
	/**
	 * Team writes (creating a team link, sharing, withdrawing) one client address may make per
	 * hour (docs/protocol.md, L6), refilled like ROOMS_PER_ADDRESS_PER_HOUR.
	 */
	TEAM_WRITES_PER_ADDRESS_PER_HOUR: z.coerce
		.number()
		.int()
		.positive()
		.default(DEFAULT_TEAM_WRITES_PER_ADDRESS_PER_HOUR),
	/**
	 * `off` stops people saving community playbooks on this server: the form says so and
	 * `POST /api/playbooks` answers 403. Those saved already stay listed.
	 */
	COMMUNITY_PLAYBOOKS: z.enum(['on', 'off']).default('on'),
	/**
	 * Community playbooks one client address may save per hour (docs/protocol.md, C1), refilled
	 * like ROOMS_PER_ADDRESS_PER_HOUR.
	 */
	PLAYBOOKS_PER_ADDRESS_PER_HOUR: z.coerce
		.number()
		.int()
		.positive()
		.default(DEFAULT_PLAYBOOKS_PER_ADDRESS_PER_HOUR),
	/**
	 * The most community playbooks stored at once, hidden ones included (docs/protocol.md, C2);
	 * past it, saving answers 507 until the operator deletes some.
	 */
	COMMUNITY_PLAYBOOKS_MAX: z.coerce
		.number()
		.int()
		.nonnegative()
		.default(DEFAULT_COMMUNITY_PLAYBOOKS_MAX),
	/**
	 * Pairing writes (cards, Make pairs, cadence, fit answers, a pair's room) one client address
	 * may make per hour (docs/protocol.md, LP1), refilled like ROOMS_PER_ADDRESS_PER_HOUR.
	 */
	PAIRING_WRITES_PER_ADDRESS_PER_HOUR: z.coerce
		.number()
		.int()
		.positive()
		.default(DEFAULT_PAIRING_WRITES_PER_ADDRESS_PER_HOUR),
	/**
	 * Circle writes (a highlight, nomination, proposal, "tried it" or deletion) one client address
	 * may make per hour (docs/protocol.md, LC1), refilled like ROOMS_PER_ADDRESS_PER_HOUR.
	 */
	CIRCLE_WRITES_PER_ADDRESS_PER_HOUR: z.coerce
		.number()
		.int()
		.positive()
		.default(DEFAULT_CIRCLE_WRITES_PER_ADDRESS_PER_HOUR),
	/**
	 * How many reverse proxies in front of the server are trusted (README: Deploy with Docker
	 * Compose). 0 ignores X-Forwarded-For and X-Forwarded-Proto, since any client can send them.
	 * N > 0: each proxy appends the address it received from to X-Forwarded-For, and the client
	 * address used for limits is the entry N places from its right end (the right-most one no
	 * trusted proxy wrote); X-Forwarded-Proto sets the scheme of links in API answers. Only set
	 * it when the server can be reached through those proxies alone.
	 */
	TRUST_PROXY: z.coerce.number().int().nonnegative().default(0),
	/**
	 * How often an instance refreshes the presence of the people connected to it, in ms. Someone
	 * whose instance stopped refreshing for four of these is shown as gone (with several
	 * instances: within five, 25 s by default, after an instance dies).
	 */
	PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(DEFAULT_HEARTBEAT_MS),
	/**
	 * How long an API request (from when its body has arrived) or a page may wait for storage
	 * before it is answered 503, in ms (docs/operations.md): a Redis that takes commands and never
	 * answers cannot hold requests open.
	 */
	API_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
	/**
	 * How long a client may take to send a request's headers, in ms (Node's `headersTimeout`;
	 * its own default is 60 s): a connection that trickles them in is closed with 408.
	 */
	HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(20_000),
	/**
	 * How long a client may take to send a whole request, body included, in ms (Node's
	 * `requestTimeout`, whose own default this keeps). Five minutes let a full three-minute clip
	 * (about 1.4 MB at the recorder's 64 kbit/s) through a weak mobile uplink of about 40 kbit/s,
	 * as people send their turns from phones; a slower or stalled body is closed with 408.
	 */
	HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(300_000),
	/**
	 * How long an idle keep-alive connection stays open for its next request, in ms (Node's
	 * `keepAliveTimeout`; its own default is 5 s). Longer than a reverse proxy's idle upstream
	 * connections (nginx: 60 s), so the proxy never reuses one the server is just closing.
	 */
	HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(65_000),
	/**
	 * Hosts of the Web Push services the server sends turn notifications to, separated by commas
	 * (docs/security.md, protocol W2): `*.example.com` for any host under it, `host:port` for a
	 * port other than 443. A subscription to any other endpoint is refused. `off` turns
	 * notifications off: the room offers none.
	 */
	PUSH_SERVICES: z
		.string()
		.default(DEFAULT_PUSH_SERVICES.join(','))
		.transform((text) => (text.trim() === 'off' ? [] : parsePushServices(text))),
	/**
	 * How a push service can reach the operator (the VAPID `sub` claim, RFC 8292): a mailto: or
	 * https: URL. Apple's and Mozilla's services may refuse or throttle a server without a real one.
	 */
	PUSH_CONTACT: z
		.string()
		.regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https:// URL')
		.default('mailto:operator@practice-room.invalid'),
	/** The least severe log lines written (docs/operations.md); `silent` writes none. */
	LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
	/**
	 * `json`: one JSON object a line, every field (docs/operations.md). `text`: one short sentence
	 * a line, for a person at a terminal (`npm start` sets it unless it is set).
	 */
	LOG_FORMAT: z.enum(['json', 'text']).default('json')
});
export type Config = z.infer<typeof configSchema>;

/** The retention period in ms. */
export const retentionMs = (config: Pick<Config, 'ROOM_RETENTION_DAYS'>) =>
	Math.round(config.ROOM_RETENTION_DAYS * DAY_MS);

/** Parses the environment; on a bad value, throws one message listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
	const parsed = configSchema.safeParse(
		Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
	);
	if (!parsed.success) {
		throw new Error(`Invalid configuration:\n  ${formatProblems(parsed.error).join('\n  ')}`);
	}
	return parsed.data;
}
