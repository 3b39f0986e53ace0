import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
	createTeamRequestSchema,
	eraseRequestSchema,
	MAX_TEAM_MEMBERS,
	shareRequestSchema,
	withdrawRequestSchema,
	type CreateTeamReply,
	type EraseReply
} from '../../src/lib/protocol/team';
import { futureWeeks } from '../../src/lib/team/team-figures';
import { teamView } from '../../src/lib/team/team-view';
import { hourlyAddressLimit, tooManyFromAddress } from '../http/address-limit';
import type { AddressBuckets } from '../limits/address-buckets';
import { countedWrite } from './counted-write';
import { existingTeam, teamNotFound } from './existing-team';
import type { Route } from '../http/api';
import { HttpProblem, sendJson } from '../http/json';
import { newLinkId } from '../http/link-id';
import { pairingMemberOf } from './pairing-routes';
import { MAX_TEAM_BODY_BYTES, TOO_MANY_TEAM_WRITES } from './team-limits';
import type { TeamStore } from './team-store';

export interface TeamRouteDeps {
	teams: TeamStore;
	now(): number;
	/** Where the hourly limits per address are counted (shared by every instance). */
	addressBuckets: AddressBuckets;
	/** Team writes (create, share, withdraw) one client address may make per hour (L6). */
	writesPerAddressPerHour: number;
	/** The base of links in answers: PUBLIC_URL or the request's own origin. */
	linkBase(req: IncomingMessage): string;
	/** The key under which the request's client is limited (TRUST_PROXY decides which address). */
	addressKey(req: IncomingMessage): string;
}

/**
 * The member as the server knows them: a hash of their key, salted with the team, so the same
 * browser is not recognisable across teams and the key itself is never stored.
 */
export const memberOf = (teamId: string, memberKey: string) =>
	createHash('sha256').update(`${teamId}:${memberKey}`).digest('base64url');

/** The team API (docs/protocol.md, T1–T6): create a team link, see it, share, withdraw, erase. */
export function teamRoutes(deps: TeamRouteDeps): Route[] {
	const countWrite = hourlyAddressLimit(
		deps.addressBuckets,
		deps.writesPerAddressPerHour,
		'team_writes',
		tooManyFromAddress(TOO_MANY_TEAM_WRITES)
	);

	const read = countedWrite(countWrite, deps.addressKey, deps.now);

	const findTeam = (id: string) => existingTeam(deps.teams, id, deps.now());

	async function currentView(id: string) {
		const team = await findTeam(id);
		return teamView(team, await deps.teams.shares(team.id));
	}

	return [
		[
			'POST',
			/^\/api\/teams$/,
			async (req, res, _id, body) => {
				const { name } = await read(req, res, body, createTeamRequestSchema, 'team request');
				const id = newLinkId();
				await deps.teams.create({ id, name, createdAt: deps.now() });
				const reply: CreateTeamReply = { id, name, url: `${deps.linkBase(req)}/t/${id}` };
				sendJson(res, 201, reply);
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'GET',
			/^\/api\/teams\/([^/]+)$/,
			async (_req, res, id) => sendJson(res, 200, await currentView(id))
		],
		[
			'POST',
			/^\/api\/teams\/([^/]+)\/share$/,
			async (req, res, id, body) => {
				const team = await findTeam(id);
				const { memberKey, weeks } = await read(req, res, body, shareRequestSchema, 'share');
				const now = deps.now();
				const future = futureWeeks(
					weeks.map((entry) => entry.week),
					now
				);
				if (future.length > 0) {
					throw new HttpProblem(400, 'The request is not a valid share.', {
						code: 'invalid_request',
						problems: future.map((week) => `weeks: ${week} has not begun yet`)
					});
				}
				const outcome = await deps.teams.share(
					team.id,
					memberOf(team.id, memberKey),
					{ weeks, sharedAt: now },
					{ maxMembers: MAX_TEAM_MEMBERS, now }
				);
				if (outcome === 'not-found') throw teamNotFound();
				if (outcome === 'team-full') {
					throw new HttpProblem(409, `This team already has ${MAX_TEAM_MEMBERS} members sharing.`, {
						code: 'full',
						params: { max: MAX_TEAM_MEMBERS }
					});
				}
				sendJson(res, 200, await currentView(team.id));
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			/^\/api\/teams\/([^/]+)\/withdraw$/,
			async (req, res, id, body) => {
				const team = await findTeam(id);
				const { memberKey } = await read(req, res, body, withdrawRequestSchema, 'withdrawal');
				if (!(await deps.teams.withdraw(team.id, memberOf(team.id, memberKey), deps.now()))) {
					throw teamNotFound();
				}
				sendJson(res, 200, await currentView(team.id));
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			/^\/api\/teams\/([^/]+)\/erase$/,
			async (req, res, id, body) => {
				const team = await findTeam(id);
				const { memberKey } = await read(req, res, body, eraseRequestSchema, 'agreement to erase');
				const agreement = {
					member: memberOf(team.id, memberKey),
					pairingMember: pairingMemberOf(team.id, memberKey)
				};
				const result = await deps.teams.agreeToErase(team.id, agreement, deps.now());
				if (result.outcome === 'not-found') throw teamNotFound();
				const reply: EraseReply =
					result.outcome === 'erased' ? { erased: true } : { erased: false, agreed: result.agreed };
				sendJson(res, 200, reply);
			},
			MAX_TEAM_BODY_BYTES
		]
	];
}
