import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
	cadenceRequestSchema,
	fitRequestSchema,
	MAX_PAIRING_CARDS,
	memberKeyRequestSchema,
	saveCardRequestSchema,
	type StoredPairing
} from '../../src/lib/protocol/pairing';
import {
	groupOf,
	pairingView,
	withFit,
	withNewRound,
	withRoom,
	type PlaybookChoice
} from '../../src/lib/team/pairing/pairing-round';
import { roundDue, withCadence } from '../../src/lib/team/pairing/round-schedule';
import { hourlyAddressLimit, tooManyFromAddress } from '../http/address-limit';
import type { AddressBuckets } from '../limits/address-buckets';
import { countedWrite } from './counted-write';
import { existingTeam, teamNotFound } from './existing-team';
import type { Route } from '../http/api';
import { HttpProblem, sendJson } from '../http/json';
import type { PairingStore, VersionedPairing } from './pairing-store';
import { MAX_TEAM_BODY_BYTES, TOO_MANY_PAIRING_WRITES } from './team-limits';
import type { TeamStore } from './team-store';

export interface PairingRouteDeps {
	teams: TeamStore;
	pairing: PairingStore;
	now(): number;
	/** Where the hourly limits per address are counted (shared by every instance). */
	addressBuckets: AddressBuckets;
	/** Pairing writes one client address may make per hour (LP1). */
	writesPerAddressPerHour: number;
	/** Playbooks a pair may be suggested. */
	playbooks: readonly PlaybookChoice[];
	/** Starts a room of `playbookId`; answers its id. */
	startRoom(playbookId: string): Promise<string>;
	/** The base of links in answers: PUBLIC_URL or the request's own origin. */
	linkBase(req: IncomingMessage): string;
	addressKey(req: IncomingMessage): string;
}

/** The member as the pairing store knows them: like shares, a hash salted with the space. */
export const pairingMemberOf = (teamId: string, memberKey: string) =>
	createHash('sha256').update(`pairing:${teamId}:${memberKey}`).digest('base64url');

/** The answer when the sender's card is in no pair of the latest round. */
const notPaired = (): HttpProblem =>
	new HttpProblem(404, 'You are in no pair of the latest round.', { code: 'not_paired' });

/**
 * The card's public id: another hash of the key, so neither the key nor the stored member can
 * be worked out from it.
 */
const cardIdOf = (teamId: string, memberKey: string) =>
	createHash('sha256').update(`card:${teamId}:${memberKey}`).digest('base64url').slice(0, 22);

/** Tries a pairing change a few times when another one lands between reading and writing. */
const CHANGE_ATTEMPTS = 5;

/** The team space's pairing API (docs/protocol.md, TP1–TP8). */
export function pairingRoutes(deps: PairingRouteDeps): Route[] {
	const countWrite = hourlyAddressLimit(
		deps.addressBuckets,
		deps.writesPerAddressPerHour,
		'pairing_writes',
		tooManyFromAddress(TOO_MANY_PAIRING_WRITES)
	);

	const read = countedWrite(countWrite, deps.addressKey, deps.now);

	const findTeam = async (id: string): Promise<string> =>
		(await existingTeam(deps.teams, id, deps.now())).id;

	/**
	 * Applies `change` to the space's pairing with compare-and-set, so two presses of Make pairs
	 * make one round each in turn rather than one lost. `change` answers undefined for no change.
	 */
	async function changePairing(
		teamId: string,
		change: (current: VersionedPairing) => Promise<StoredPairing | undefined>
	): Promise<StoredPairing> {
		for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
			const current = await deps.pairing.pairing(teamId);
			const next = await change(current);
			if (!next) return current.pairing;
			if (await deps.pairing.setPairing(teamId, current.version, next, deps.now())) return next;
		}
		throw new HttpProblem(409, 'The pairing changed meanwhile. Try again.', { code: 'conflict' });
	}

	const storedCards = async (teamId: string) =>
		(await deps.pairing.cards(teamId)).map(({ card }) => card);

	/** The view, after a round the cadence calls for (made lazily, by whoever looks first). */
	async function currentView(teamId: string) {
		const cards = await storedCards(teamId);
		let { pairing } = await deps.pairing.pairing(teamId);
		if (roundDue(pairing, deps.now())) {
			pairing = await changePairing(teamId, async (current) =>
				roundDue(current.pairing, deps.now())
					? withNewRound(current.pairing, cards, deps.now(), deps.playbooks, 'cadence')
					: undefined
			);
		}
		return pairingView(cards, pairing);
	}

	const base = '^\\/api\\/teams\\/([^/]+)\\/pairing';
	const path = (rest: string) => new RegExp(`${base}${rest}$`);

	return [
		[
			'GET',
			path(''),
			async (_req, res, id) => sendJson(res, 200, await currentView(await findTeam(id)))
		],
		[
			'POST',
			path('\\/card'),
			async (req, res, id, body) => {
				const teamId = await findTeam(id);
				const { memberKey, card, avoid } = await read(
					req,
					res,
					body,
					saveCardRequestSchema,
					'pairing card'
				);
				const cardId = cardIdOf(teamId, memberKey);
				const outcome = await deps.pairing.saveCard(
					teamId,
					pairingMemberOf(teamId, memberKey),
					{ cardId, card, avoid: avoid.filter((other) => other !== cardId), savedAt: deps.now() },
					{ maxCards: MAX_PAIRING_CARDS, now: deps.now() }
				);
				if (outcome === 'not-found') throw teamNotFound();
				if (outcome === 'full') {
					throw new HttpProblem(409, `This space already has ${MAX_PAIRING_CARDS} pairing cards.`, {
						code: 'full',
						params: { max: MAX_PAIRING_CARDS }
					});
				}
				sendJson(res, 200, { cardId, view: await currentView(teamId) });
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			path('\\/card\\/delete'),
			async (req, res, id, body) => {
				const teamId = await findTeam(id);
				const { memberKey } = await read(req, res, body, memberKeyRequestSchema, 'card deletion');
				if (
					!(await deps.pairing.deleteCard(teamId, pairingMemberOf(teamId, memberKey), deps.now()))
				) {
					throw teamNotFound();
				}
				sendJson(res, 200, await currentView(teamId));
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			path('\\/make'),
			async (req, res, id, body) => {
				const teamId = await findTeam(id);
				await read(
					req,
					res,
					body,
					cadenceRequestSchema.partial().strict(),
					'request to make pairs'
				);
				const cards = await storedCards(teamId);
				const pairing = await changePairing(teamId, async (current) =>
					withNewRound(current.pairing, cards, deps.now(), deps.playbooks, 'hand')
				);
				sendJson(res, 200, pairingView(cards, pairing));
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			path('\\/cadence'),
			async (req, res, id, body) => {
				const teamId = await findTeam(id);
				const { cadence } = await read(req, res, body, cadenceRequestSchema, 'cadence');
				await changePairing(teamId, async (current) => {
					const next = withCadence(current.pairing, cadence, deps.now());
					return next === current.pairing ? undefined : next;
				});
				sendJson(res, 200, await currentView(teamId));
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			path('\\/fit'),
			async (req, res, id, body) => {
				const teamId = await findTeam(id);
				const { memberKey, fit } = await read(req, res, body, fitRequestSchema, 'pairing fit');
				const cardId = cardIdOf(teamId, memberKey);
				await changePairing(teamId, async (current) => {
					const next = withFit(current.pairing, cardId, fit);
					if (!next) throw notPaired();
					return next;
				});
				sendJson(res, 200, await currentView(teamId));
			},
			MAX_TEAM_BODY_BYTES
		],
		[
			'POST',
			path('\\/room'),
			async (req, res, id, body) => {
				const teamId = await findTeam(id);
				const { memberKey } = await read(req, res, body, memberKeyRequestSchema, 'room request');
				const cardId = cardIdOf(teamId, memberKey);
				let started: string | undefined;
				const pairing = await changePairing(teamId, async (current) => {
					const found = groupOf(current.pairing, cardId);
					if (!found) throw notPaired();
					if (found.group.roomId) return undefined;
					// One room however often the write is retried; a room lost to a race expires unused.
					started ??= await deps.startRoom(
						found.group.playbookId ?? deps.playbooks[0]?.id ?? 'coaching-session'
					);
					return withRoom(current.pairing, found.index, started);
				});
				const roomId = groupOf(pairing, cardId)?.group.roomId;
				if (!roomId)
					throw new HttpProblem(409, 'The pairing changed meanwhile. Try again.', {
						code: 'conflict'
					});
				sendJson(res, 200, { roomId, url: `${deps.linkBase(req)}/r/${roomId}` });
			},
			MAX_TEAM_BODY_BYTES
		]
	];
}
