import { assertNever } from '../../src/lib/assert-never';
import type { RoomRegistry } from '../rooms/room-registry';
import { ROOM_NOT_FOUND } from '../../src/lib/protocol/http';
import { roomIdSchema } from '../../src/lib/protocol/ids';
import {
	MAX_PUSH_SUBSCRIPTIONS_PER_PERSON,
	MAX_PUSH_SUBSCRIPTIONS_PER_ROOM,
	subscribePushRequestSchema,
	unsubscribePushRequestSchema,
	type PushKeyReply
} from '../../src/lib/protocol/push';
import type { Route } from '../http/api';
import { HttpProblem, parseRequest, sendJson } from '../http/json';
import type { PushLimits, PushRefusal, PushStore } from './push-store';
import { pushServiceAllowed } from './push-services';
import { takeBack } from './take-back';

export interface PushRouteDeps {
	rooms: Pick<RoomRegistry, 'holding'>;
	store: Pick<PushStore, 'add' | 'handBack' | 'remove'>;
	/** The VAPID public key browsers subscribe with. */
	publicKey: string;
	/** The push services the server sends to (PUSH_SERVICES). */
	services: readonly string[];
}

/** What a subscribe and a hand-back store within (W2). */
const LIMITS: PushLimits = {
	perPerson: MAX_PUSH_SUBSCRIPTIONS_PER_PERSON,
	perRoom: MAX_PUSH_SUBSCRIPTIONS_PER_ROOM
};

/** A subscription is a few hundred bytes; nothing bigger is read. */
const MAX_PUSH_BODY_BYTES = 4 * 1024;

const NOT_A_MEMBER =
	'Only someone who joined the room can do this: send the participant id and ticket of your join.';

/** The answer to a subscription the store did not keep. */
function refusal(reason: PushRefusal): HttpProblem {
	switch (reason) {
		case 'no-room':
			return new HttpProblem(404, ROOM_NOT_FOUND, { code: 'room_not_found' });
		case 'person-full':
			return new HttpProblem(
				409,
				`You have notifications on ${MAX_PUSH_SUBSCRIPTIONS_PER_PERSON} devices in this room already: turn one off first.`,
				{ code: 'full', params: { max: MAX_PUSH_SUBSCRIPTIONS_PER_PERSON } }
			);
		case 'room-full':
			return new HttpProblem(
				409,
				`This room has ${MAX_PUSH_SUBSCRIPTIONS_PER_ROOM} devices with notifications already.`,
				{ code: 'full', params: { max: MAX_PUSH_SUBSCRIPTIONS_PER_ROOM } }
			);
		case 'not-yours':
			return new HttpProblem(
				403,
				'This browser is subscribed for someone else in this room: only that browser can take it over.',
				{ code: 'push_not_yours' }
			);
		default:
			return assertNever(reason);
	}
}

/**
 * Web Push subscriptions (protocol W1–W3): the VAPID public key, and a room member subscribing
 * or unsubscribing a browser. Both writes need the member's document ticket and are answered as
 * the document connection would be (Y9): a removed person, or one shut out by the lock, is refused.
 */
export function pushRoutes(deps: PushRouteDeps): Route[] {
	/**
	 * Refuses, as the document connection would (Y9), unless the ticket admits its holder now,
	 * after every change stored so far: another instance's removal included.
	 */
	async function checkAdmitted(
		roomId: string,
		participantId: string,
		ticket: string
	): Promise<void> {
		const admitted = await deps.rooms.holding(roomId, undefined, async ({ room }) => {
			await room.caughtUp();
			const admission = room.connections.admission({ kind: 'participant', participantId, ticket });
			return admission.admitted && admission.participantId === participantId;
		});
		if (admitted === undefined)
			throw new HttpProblem(404, ROOM_NOT_FOUND, { code: 'room_not_found' });
		if (!admitted) throw new HttpProblem(403, NOT_A_MEMBER, { code: 'not_a_member' });
	}

	/** The room id of the path, once the ticket is found to admit its holder to that room now. */
	async function memberOf(id: string, participantId: string, ticket: string): Promise<string> {
		const roomId = roomIdSchema.safeParse(id);
		if (!roomId.success) throw new HttpProblem(404, ROOM_NOT_FOUND, { code: 'room_not_found' });
		await checkAdmitted(roomId.data, participantId, ticket);
		return roomId.data;
	}

	return [
		[
			'GET',
			/^\/api\/push\/key$/,
			async (_req, res) => {
				const reply: PushKeyReply = { publicKey: deps.publicKey };
				sendJson(res, 200, reply);
			}
		],
		[
			'POST',
			/^\/api\/rooms\/([^/]+)\/push$/,
			async (_req, res, id, body) => {
				const { participantId, ticket, locale, subscription } = parseRequest(
					subscribePushRequestSchema,
					body,
					'The request is not a valid subscription.'
				);
				const roomId = await memberOf(id, participantId, ticket);
				if (!pushServiceAllowed(subscription.endpoint, deps.services)) {
					throw new HttpProblem(
						422,
						'This server does not send notifications through that push service.',
						{
							code: 'push_service_refused',
							problems: ['subscription.endpoint: not one of the push services this server sends to']
						}
					);
				}
				const push = {
					participantId,
					locale,
					endpoint: subscription.endpoint,
					keys: subscription.keys
				};
				const outcome = await deps.store.add(roomId, push, LIMITS);
				if (outcome.type === 'refused') throw refusal(outcome.reason);
				// A removal writes the room's state, then deletes the person's subscriptions (W7):
				// either that finds this one, or this second look, caught up with what is stored
				// whichever instance removed them, finds the removal and takes this one back.
				// (Storing under the room's hold would not do: a hold keeps the room in memory and
				// stops no decision.) An erase is caught by the store already, which adds only while
				// the room exists and deletes a room's subscriptions with it, and by this look too.
				// What it did is then undone as `takeBack` says: a takeover gives the endpoint back.
				await checkAdmitted(roomId, participantId, ticket).catch(async (error: unknown) => {
					const refused = error instanceof HttpProblem;
					await takeBack({ ...deps, limits: LIMITS }, roomId, push, outcome, refused);
					throw error;
				});
				sendJson(res, 201, { subscribed: true });
			},
			MAX_PUSH_BODY_BYTES
		],
		[
			'DELETE',
			/^\/api\/rooms\/([^/]+)\/push$/,
			async (_req, res, id, body) => {
				const { participantId, ticket, endpoint } = parseRequest(
					unsubscribePushRequestSchema,
					body,
					'The request is not a valid unsubscription.'
				);
				const roomId = await memberOf(id, participantId, ticket);
				const removed = await deps.store.remove(roomId, participantId, endpoint);
				sendJson(res, 200, { removed });
			},
			MAX_PUSH_BODY_BYTES
		]
	];
}
