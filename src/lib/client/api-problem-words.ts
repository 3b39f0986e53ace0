import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import {
	apiProblemCodeSchema,
	type ApiProblemCode,
	type ApiProblemParams
} from '../protocol/api-problem';
import { httpErrorSchema } from '../protocol/http';

type Options = { locale?: Locale };
/** A code's words; `fallback` (the caller's words) stands in when the params it needs are missing. */
type Words = (params: ApiProblemParams, options: Options, fallback: string) => string;

/** The request itself was wrong: nothing a person can fix but by reloading. */
const notUnderstood: Words = (_, o) => m.pages_api_invalid_request({}, o);

/** Each code's words (docs/protocol.md, HTTP); the server's `error` is English for API users. */
const CODE_WORDS: Record<ApiProblemCode, Words> = {
	invalid_request: notUnderstood,
	not_json: notUnderstood,
	method_not_allowed: notUnderstood,
	unknown_playbook: ({ id }, o, fallback) =>
		id === undefined ? fallback : m.pages_api_unknown_playbook({ id }, o),
	room_not_found: (_, o) => m.pages_api_room_not_found({}, o),
	team_not_found: (_, o) => m.pages_api_team_not_found({}, o),
	community_off: (_, o) => m.pages_api_community_off({}, o),
	community_full: (_, o) => m.pages_api_community_full({}, o),
	wrong_token: (_, o) => m.pages_api_wrong_token({}, o),
	rate_limited: (_, o) => m.pages_api_rate_limited({}, o),
	busy: (_, o) => m.pages_api_busy({}, o),
	conflict: (_, o) => m.pages_api_conflict({}, o),
	full: ({ max }, o, fallback) => (max === undefined ? fallback : m.pages_api_full({ max }, o)),
	taken: (_, o) => m.pages_api_taken({}, o),
	not_paired: (_, o) => m.pages_api_not_paired({}, o),
	no_such_post: (_, o) => m.pages_api_no_such_post({}, o),
	too_large: (_, o) => m.pages_api_too_large({}, o),
	cross_site: (_, o) => m.pages_api_cross_site({}, o),
	unavailable: (_, o) => m.pages_api_unavailable({}, o),
	internal: (_, o) => m.pages_api_internal({}, o),
	not_a_member: (_, o) => m.async_push_not_joined({}, o),
	push_service_refused: (_, o) => m.async_push_service_refused({}, o),
	push_not_yours: (_, o) => m.async_push_not_yours({}, o),
	clip_too_large: (_, o) => m.async_clip_too_large({}, o),
	clip_too_long: (_, o) => m.async_clip_too_long({}, o),
	clip_not_opus: (_, o) => m.async_clip_not_opus({}, o),
	room_clips_full: (_, o) => m.async_room_clips_full({}, o),
	clip_uploads_limited: (_, o) => m.async_clip_uploads_limited({}, o),
	clip_needs_ticket: (_, o) => m.async_clip_needs_ticket({}, o),
	clip_not_allowed: (_, o) => m.async_clip_not_allowed({}, o),
	clip_not_found: (_, o) => m.async_clip_not_found({}, o)
};

/**
 * What a failed API answer means, in the person's language: worded from its `code` and
 * `params`. An answer without a code this page knows (an older or newer server, a proxy's
 * page) gets `fallback`, which the caller words for what it was doing.
 */
export function apiProblemWords(body: unknown, fallback: string, options: Options = {}): string {
	const answer = httpErrorSchema.safeParse(body);
	if (!answer.success) return fallback;
	const code = apiProblemCodeSchema.safeParse(answer.data.code);
	return code.success
		? CODE_WORDS[code.data](answer.data.params ?? {}, options, fallback)
		: fallback;
}
