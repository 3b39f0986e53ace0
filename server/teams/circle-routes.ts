import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
	circleDeleteRequestSchema,
	circleRequestSchema,
	MAX_CIRCLE_ITEMS,
	NEW_THIS_QUARTER_SHOWN,
	type CircleReply,
	type CircleRequest,
	type StoredCircleItem
} from '../../src/lib/protocol/circle';
import { monthOf } from '../../src/lib/team/circle-challenges';
import { circleView } from '../../src/lib/team/circle-view';
import { hourlyAddressLimit, tooManyFromAddress } from '../http/address-limit';
import type { AddressBuckets } from '../limits/address-buckets';
import { countedWrite } from './counted-write';
import { existingTeam, teamNotFound } from './existing-team';
import type { Route } from '../http/api';
import { HttpProblem, sendJson } from '../http/json';
import type { PlaybookCatalog } from '../playbooks/playbook-catalog';
import type { CircleStore } from './circle-store';
import { MAX_CIRCLE_BODY_BYTES, TOO_MANY_CIRCLE_WRITES } from './circle-limits';
import { memberOf } from './team-routes';
import type { TeamStore } from './team-store';

export interface CircleRouteDeps {
	teams: TeamStore;
	circle: CircleStore;
	playbooks: PlaybookCatalog;
	now(): number;
	/** Where the hourly limits per address are counted (shared by every instance). */
	addressBuckets: AddressBuckets;
	/** Circle writes one client address may make per hour (LC1). */
	writesPerAddressPerHour: number;
	addressKey(req: IncomingMessage): string;
}

/** Words for an addition refused because its place is taken (T21, T23). */
const TAKEN: Partial<Record<StoredCircleItem['type'], string>> = {
	tried: 'You have marked this month’s challenge already.',
	challenge: 'Next month’s challenge has been proposed already.',
	shelf: 'This playbook is on the shelf already.'
};

/**
 * The stored item for a request, at `now`. Its id is what keeps the one-per rules: a member's
 * mark is named by month and member, a proposal by month, a shelf pick by playbook.
 */
function itemOf(request: CircleRequest, owner: string, now: number): StoredCircleItem {
	const month = monthOf(now);
	const base = { month, createdAt: now };
	const fresh = () => randomBytes(12).toString('base64url');
	switch (request.type) {
		case 'highlight':
			return {
				...base,
				id: fresh(),
				type: request.type,
				text: request.text,
				author: request.author
			};
		case 'nomination':
			return {
				...base,
				id: fresh(),
				type: request.type,
				nominee: request.nominee,
				text: request.text,
				author: request.author
			};
		case 'challenge':
			return {
				...base,
				id: `challenge-${month}`,
				type: request.type,
				text: request.text,
				author: request.author
			};
		case 'shelf':
			return {
				...base,
				id: `shelf-${request.playbookId}`,
				type: request.type,
				playbookId: request.playbookId,
				author: request.author
			};
		case 'tried':
			return { ...base, id: `tried-${month}-${owner.slice(0, 22)}`, type: request.type };
		default:
			return assertNever(request);
	}
}

function assertNever(value: never): never {
	throw new Error(`unexpected circle request ${JSON.stringify(value)}`);
}

/** The circle API (docs/protocol.md, T20–T25): see it, add to it, delete one's own post. */
export function circleRoutes(deps: CircleRouteDeps): Route[] {
	const countWrite = hourlyAddressLimit(
		deps.addressBuckets,
		deps.writesPerAddressPerHour,
		'circle_writes',
		tooManyFromAddress(TOO_MANY_CIRCLE_WRITES)
	);

	const read = countedWrite(countWrite, deps.addressKey, deps.now);

	const findTeam = (id: string) => existingTeam(deps.teams, id, deps.now());

	/**
	 * The circle view. It reads only the library it shows: the newest playbooks for "new this
	 * quarter" (at most NEW_THIS_QUARTER_SHOWN) and the shelf's picks, never every summary.
	 */
	async function view(teamId: string) {
		const items = await deps.circle.items(teamId);
		const picks = items.flatMap((item) => (item.type === 'shelf' ? [item.playbookId] : []));
		const [newest, picked] = await Promise.all([
			deps.playbooks.newest(NEW_THIS_QUARTER_SHOWN),
			deps.playbooks.datedOf(picks)
		]);
		// A pick among the newest is read twice; it is listed once.
		const byId = new Map(
			[...newest, ...picked].map(({ summary, createdAt }) => [
				summary.id,
				{ id: summary.id, title: summary.title, createdAt }
			])
		);
		const library = [...byId.values()];
		return circleView(teamId, items, library, deps.now());
	}

	return [
		[
			'GET',
			/^\/api\/teams\/([^/]+)\/circle$/,
			async (_req, res, id) => sendJson(res, 200, await view((await findTeam(id)).id))
		],
		[
			'POST',
			/^\/api\/teams\/([^/]+)\/circle$/,
			async (req, res, id, body) => {
				const team = await findTeam(id);
				const request = await read(req, res, body, circleRequestSchema, 'post');
				if (request.type === 'shelf' && !(await deps.playbooks.find(request.playbookId))) {
					throw new HttpProblem(400, 'The request is not a valid post.', {
						code: 'unknown_playbook',
						params: { id: request.playbookId },
						problems: [`playbookId: there is no playbook "${request.playbookId}"`]
					});
				}
				const owner = memberOf(team.id, request.memberKey);
				const item = itemOf(request, owner, deps.now());
				const outcome = await deps.circle.add(team.id, owner, item, {
					maxItems: MAX_CIRCLE_ITEMS,
					now: deps.now()
				});
				if (outcome === 'not-found') throw teamNotFound();
				if (outcome === 'full') {
					throw new HttpProblem(
						409,
						`This team's circle holds its most items (${MAX_CIRCLE_ITEMS}).`,
						{ code: 'full', params: { max: MAX_CIRCLE_ITEMS } }
					);
				}
				if (outcome === 'taken') {
					throw new HttpProblem(409, TAKEN[item.type] ?? 'This post exists already.', {
						code: 'taken'
					});
				}
				const reply: CircleReply = { itemId: item.id, view: await view(team.id) };
				sendJson(res, 201, reply);
			},
			MAX_CIRCLE_BODY_BYTES
		],
		[
			'POST',
			/^\/api\/teams\/([^/]+)\/circle\/delete$/,
			async (req, res, id, body) => {
				const team = await findTeam(id);
				const { memberKey, itemId } = await read(req, res, body, circleDeleteRequestSchema, 'post');
				const removed = await deps.circle.remove(
					team.id,
					itemId,
					memberOf(team.id, memberKey),
					deps.now()
				);
				if (!removed) {
					throw new HttpProblem(404, 'There is no such post of yours.', { code: 'no_such_post' });
				}
				sendJson(res, 200, await view(team.id));
			},
			MAX_CIRCLE_BODY_BYTES
		]
	];
}
