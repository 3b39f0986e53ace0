import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertNever } from '../../src/lib/assert-never';
import { readFilters, writeFilters } from '../../src/lib/playbooks/filters';
import {
	COMMUNITY_WORDS,
	deletePlaybookRequestSchema,
	libraryPageQuerySchema,
	type CreatePlaybookReply
} from '../../src/lib/protocol/community';
import { hourlyAddressLimit, tooManyFromAddress } from '../http/address-limit';
import type { AddressBuckets } from '../limits/address-buckets';
import type { Route } from '../http/api';
import { HttpProblem, parseRequest, sendJson } from '../http/json';
import { requestUrl } from '../http/request-path';
import type { PlaybookCatalog } from './playbook-catalog';
import { ScanSlotsFull } from './scan-slots';

export interface PlaybookRouteDeps {
	playbooks: PlaybookCatalog;
	now(): number;
	/** Whether people may save community playbooks here (COMMUNITY_PLAYBOOKS). */
	publishing: boolean;
	/** Where the hourly limits per address are counted (shared by every instance). */
	addressBuckets: AddressBuckets;
	/** Community playbooks one client address may save per hour (C1). */
	savesPerAddressPerHour: number;
	/** The base of links in answers: PUBLIC_URL or the request's own origin. */
	linkBase(req: IncomingMessage): string;
	/** The key under which the request's client is limited (TRUST_PROXY decides which address). */
	addressKey(req: IncomingMessage): string;
}

/** The `Link` to the next page of a library request, keeping its filters. */
function nextPageLink(req: IncomingMessage, offset: number, limit: number): string {
	const url = requestUrl(req);
	const params = writeFilters(readFilters(url?.searchParams ?? new URLSearchParams()));
	params.set('offset', String(offset + limit));
	params.set('limit', String(limit));
	return `</api/playbooks?${params}>; rel="next"`;
}

/**
 * The playbook API (docs/protocol.md, HTTP): list the library a page at a time, read one
 * playbook, save a community playbook, and delete it again with its delete token.
 */
export function playbookRoutes(deps: PlaybookRouteDeps): Route[] {
	const countSave = hourlyAddressLimit(
		deps.addressBuckets,
		deps.savesPerAddressPerHour,
		'playbook_saves',
		tooManyFromAddress(COMMUNITY_WORDS.tooMany)
	);

	async function list(req: IncomingMessage, res: ServerResponse) {
		const params = requestUrl(req)?.searchParams ?? new URLSearchParams();
		const { offset, limit } = parseRequest(
			libraryPageQuerySchema,
			{ offset: params.get('offset') ?? undefined, limit: params.get('limit') ?? undefined },
			'The page of the library asked for is not valid.'
		);
		const page = await deps.playbooks
			.page(readFilters(params), { offset, limit })
			.catch((error: unknown) => {
				if (!(error instanceof ScanSlotsFull)) throw error;
				res.setHeader('retry-after', 1);
				throw new HttpProblem(503, COMMUNITY_WORDS.busy, {
					code: 'busy',
					problems: [],
					refused: 'library_searches'
				});
			});
		if (page.hasMore) res.setHeader('link', nextPageLink(req, offset, limit));
		sendJson(res, 200, page.playbooks);
	}

	async function save(req: IncomingMessage, res: ServerResponse, _id: string, body: unknown) {
		if (!deps.publishing)
			throw new HttpProblem(403, COMMUNITY_WORDS.off, { code: 'community_off' });
		// Counted once the playbook is valid: someone fixing their mistakes is not held back.
		const created = await deps.playbooks.create(body, deps.now(), () =>
			countSave(res, deps.addressKey(req), deps.now())
		);
		if (!created.ok) {
			throw new HttpProblem(400, 'The playbook is not valid.', {
				code: 'invalid_request',
				problems: created.problems
			});
		}
		if (created.outcome === 'full') {
			throw new HttpProblem(507, COMMUNITY_WORDS.full, {
				code: 'community_full',
				refused: 'playbook_cap'
			});
		}
		const { id } = created.playbook;
		const reply: CreatePlaybookReply = {
			id,
			url: `${deps.linkBase(req)}/p/${id}`,
			deleteToken: created.deleteToken
		};
		sendJson(res, 201, reply);
	}

	async function remove(_req: IncomingMessage, res: ServerResponse, id: string, body: unknown) {
		const { deleteToken } = parseRequest(
			deletePlaybookRequestSchema,
			body,
			'The request needs the playbook’s delete token.'
		);
		const outcome = await deps.playbooks.deleteByAuthor(id, deleteToken);
		switch (outcome) {
			case 'deleted':
				res.writeHead(204).end();
				return;
			case 'not-found':
				throw new HttpProblem(404, `There is no community playbook "${id}".`, {
					code: 'unknown_playbook',
					params: { id }
				});
			case 'wrong-token':
				throw new HttpProblem(403, COMMUNITY_WORDS.wrongToken, { code: 'wrong_token' });
			default:
				assertNever(outcome);
		}
	}

	return [
		['GET', /^\/api\/playbooks$/, list],
		['POST', /^\/api\/playbooks$/, save],
		[
			'GET',
			/^\/api\/playbooks\/([^/]+)$/,
			async (_req, res, id) => {
				const playbook = await deps.playbooks.find(id);
				if (!playbook) {
					throw new HttpProblem(404, `There is no playbook "${id}".`, {
						code: 'unknown_playbook',
						params: { id }
					});
				}
				sendJson(res, 200, playbook);
			}
		],
		['DELETE', /^\/api\/playbooks\/([^/]+)$/, remove]
	];
}
