import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import {
	errorCodeSchema,
	refusalParamsSchema,
	type ProtocolError,
	type RefusalParams,
	type RefusalReason
} from '../protocol/socket-events';

type Options = { locale?: Locale };
type Words = (params: RefusalParams, options: Options) => string | undefined;
/** A message without parameters, as the words of a code or reason. */
const plain =
	(message: (inputs: Record<string, never>, options: Options) => string): Words =>
	(_, options) =>
		message({}, options);

/** A code's words when its refusal names no reason (or one this page does not know). */
const CODE_WORDS: Record<ProtocolError['code'], Words> = {
	invalid_payload: plain(m.room_refusal_invalid_payload),
	protocol_mismatch: plain(m.room_refusal_protocol_mismatch),
	room_not_found: plain(m.room_refusal_room_not_found),
	unknown_role: ({ role }, o) =>
		role === undefined
			? m.room_refusal_unknown_role_unnamed({}, o)
			: m.room_refusal_unknown_role({ role }, o),
	not_joined: plain(m.room_refusal_not_joined),
	invalid_command: plain(m.room_refusal_invalid_command),
	not_allowed: plain(m.room_refusal_not_allowed),
	room_full: ({ count }, o) =>
		count === undefined
			? m.room_refusal_room_full_plain({}, o)
			: m.room_refusal_room_full({ count }, o),
	room_locked: plain(m.room_refusal_room_locked),
	removed: plain(m.room_refusal_removed),
	rate_limited: plain(m.room_refusal_rate_limited),
	unavailable: plain(m.room_refusal_unavailable),
	busy: plain(m.room_refusal_busy),
	internal: plain(m.room_refusal_internal)
};

/** A reason's words; undefined when the numbers it needs did not come with it. */
const REASON_WORDS: Record<RefusalReason, Words> = {
	agreements: plain(m.room_refusal_agreements),
	controls_locked: plain(m.room_refusal_controls_locked),
	host_only: plain(m.room_refusal_host_only),
	host_lowers_hands: plain(m.room_refusal_host_lowers_hands),
	removed: plain(m.room_refusal_removed),
	projector_link: plain(m.room_refusal_projector_link),
	projector_replaced: plain(m.room_close_projector_replaced),
	identity_taken: plain(m.room_refusal_identity_taken),
	paused: plain(m.room_refusal_paused),
	host_to_present: plain(m.room_refusal_host_to_present),
	host_not_connected: plain(m.room_refusal_host_not_connected),
	host_keeps_place: plain(m.room_refusal_host_keeps_place),
	has_host: plain(m.room_refusal_has_host),
	no_such_step: ({ asked, count }, o) =>
		asked === undefined || count === undefined
			? undefined
			: m.room_refusal_no_such_step({ asked, count }, o),
	moved_on: plain(m.room_refusal_moved_on),
	next_round: ({ asked }, o) =>
		asked === undefined ? undefined : m.room_refusal_next_round({ asked }, o),
	round_at_end: plain(m.room_refusal_round_at_end),
	ratings_shown: plain(m.room_refusal_ratings_shown),
	no_rating: plain(m.room_refusal_no_rating),
	closed_while_joining: plain(m.room_refusal_closed_while_joining),
	rating_not_saved: plain(m.room_refusal_rating_not_saved),
	erase_failed: plain(m.room_refusal_erase_failed),
	disconnected: plain(m.room_refusal_disconnected),
	async_unsupported: plain(m.async_refusal_unsupported),
	not_async: plain(m.async_refusal_not_async),
	not_your_turn: plain(m.async_refusal_not_your_turn),
	extended_once: plain(m.async_refusal_extended_once),
	live_needs_two: plain(m.async_refusal_live_needs_two),
	watching: plain(m.async_refusal_watching),
	no_second_take: plain(m.sprint_refusal_no_second_take),
	rate_first: plain(m.sprint_refusal_rate_first),
	second_take_once: plain(m.sprint_refusal_second_take_once)
};

/**
 * The server's refusal in this person's language, worded from its code and parameters (never
 * from its English `message`, kept for stock clients and logs). A code or parameters this page
 * cannot read get general words rather than nothing: a newer server may send them.
 */
export function refusalWords(error: unknown, options: Options = {}): string {
	const fields = typeof error === 'object' && error !== null ? error : {};
	const code = errorCodeSchema.safeParse('code' in fields ? fields.code : undefined);
	if (!code.success) return m.room_refusal_unknown({}, options);
	const parsed = refusalParamsSchema.safeParse('params' in fields ? fields.params : undefined);
	const params = parsed.success ? parsed.data : {};
	const reasoned = params.reason && REASON_WORDS[params.reason](params, options);
	return reasoned ?? CODE_WORDS[code.data](params, options) ?? m.room_refusal_unknown({}, options);
}
