import * as z from 'zod/mini';
import { CLIP_PROBLEM_CODES } from './clips';

// zod/mini, like http.ts: the pages that start rooms and save playbooks parse these answers.

/**
 * What an HTTP API refusal is about (docs/protocol.md, HTTP): the browser words it from this
 * code and its params in the person's language (`src/lib/client/api-problem-words.ts`); the
 * answer's `error` stays plain English for API users and logs.
 */
export const API_PROBLEM_CODES = [
	/** The body, query or address does not parse; `problems` lists where. */
	'invalid_request',
	/** No playbook has the id asked for (`params.id`). */
	'unknown_playbook',
	'room_not_found',
	'team_not_found',
	/** The server does not take community playbooks (COMMUNITY_PLAYBOOKS=off). */
	'community_off',
	/** The server holds COMMUNITY_PLAYBOOKS_MAX community playbooks. */
	'community_full',
	/** A delete token that is not the playbook's. */
	'wrong_token',
	/** Too many requests from the client's address this hour (L5, L6, LP1, LC1, C1). */
	'rate_limited',
	/** The library is busy with other searches (C4); try again in a moment. */
	'busy',
	/** What the request changes changed meanwhile; try again. */
	'conflict',
	/** A team's members, pairing cards or circle items are at their most (`params.max`). */
	'full',
	/** The post exists already. */
	'taken',
	/** The sender's card is in no pair of the latest pairing round. */
	'not_paired',
	/** No such post of the sender's. */
	'no_such_post',
	/** The body is larger than the route takes. */
	'too_large',
	/** The body is not JSON sent as application/json, or nests too deep. */
	'not_json',
	/** The method is not one the address answers. */
	'method_not_allowed',
	/** A write from another site's page. */
	'cross_site',
	/** Storage cannot be reached (503); try again. */
	'unavailable',
	/** The server failed (500). */
	'internal',
	/** Only someone who joined the room may do this: a member's ticket is missing or refused. */
	'not_a_member',
	/** The server does not send notifications through that push service (W2). */
	'push_service_refused',
	/** The push endpoint is someone else's in the room, and the keys sent are not its own (W2). */
	'push_not_yours',
	/** Voice clips' refusals (B8). */
	...CLIP_PROBLEM_CODES
] as const;

export const apiProblemCodeSchema = z.enum(API_PROBLEM_CODES);
export type ApiProblemCode = z.infer<typeof apiProblemCodeSchema>;

/** What a code's words need: the id asked for, or how many a space holds. */
export const apiProblemParamsSchema = z.object({
	id: z.optional(z.string().check(z.maxLength(200))),
	max: z.optional(z.int().check(z.nonnegative()))
});
export type ApiProblemParams = z.infer<typeof apiProblemParamsSchema>;
