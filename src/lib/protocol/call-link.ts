import * as z from 'zod/mini';
import { participantIdSchema } from './ids';

// zod/mini, like ids.ts: the room page parses with these, and zod's classic API stays off it
// (src/lib/protocol/zod-mini.test.ts).

/**
 * A room's call link: the Zoom, Meet or Teams meeting a remote pair or circle talks over, pasted
 * once so every screen (the projector too) offers "Join the call". It lives in the control map,
 * set by the `call.set` command, so the server checks it and erasing the room erases it.
 */

/** Long enough for a Teams meeting link (about 300 characters), short enough to show. */
export const MAX_CALL_LINK_CHARACTERS = 1_000;

/** The URL `text` names, or undefined when it names none. */
function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** Spaces and control characters: the URL parser drops some silently, so they are refused. */
const UNSEEN_CHARACTERS = /[\s\p{Cc}]/u;

/**
 * What is wrong with `text` as a call link, in plain words in the person's language, or undefined when it is one. A call
 * link is an https address with a host name, no name or password in it (`user:pass@host`: a
 * screen would show it to everyone), and at most {@link MAX_CALL_LINK_CHARACTERS} characters.
 */
export function callLinkProblem(text: string): string | undefined {
	const kind = callLinkProblemKind(text);
	return kind && CALL_LINK_PROBLEM_WORDS[kind];
}

/** Which rule of {@link callLinkProblem} a link breaks: a page words it in its person's language. */
export type CallLinkProblemKind = 'too_long' | 'spaces' | 'not_https' | 'credentials';

/** The English words of each problem, for the server's validation messages. */
const CALL_LINK_PROBLEM_WORDS: Record<CallLinkProblemKind, string> = {
	too_long: `must be at most ${MAX_CALL_LINK_CHARACTERS} characters`,
	spaces: 'must not contain spaces',
	not_https: 'must be a meeting link starting with https://',
	credentials: 'must not contain a name or password before the address'
};

function callLinkProblemKind(text: string): CallLinkProblemKind | undefined {
	if (text.length > MAX_CALL_LINK_CHARACTERS) return 'too_long';
	if (UNSEEN_CHARACTERS.test(text)) return 'spaces';
	const url = parseUrl(text);
	if (!url || url.protocol !== 'https:' || url.hostname === '') return 'not_https';
	if (url.username !== '' || url.password !== '') return 'credentials';
	return undefined;
}

/**
 * The link as the room keeps it: what the URL parser makes of the pasted text (host names in
 * lower case and punycode, so a look-alike address shows as what it is), or the text itself when
 * it is no URL at all.
 */
export function normalizeCallLink(text: string): string {
	const trimmed = text.trim();
	return parseUrl(trimmed)?.href ?? trimmed;
}

/**
 * A stored call link: every rule of {@link callLinkProblem} holds. It is not asked to be this
 * engine's normal form: the server normalized it when it was set, and URL parsers disagree on
 * details (Node keeps `|` in a path, Chromium writes `%7C`), so a reader that re-normalized would
 * refuse a link another engine wrote, and with it the whole control state.
 */
export const callLinkSchema = z.string().check(
	z.superRefine((text, context) => {
		const problem = callLinkProblem(text);
		if (problem) context.addIssue({ code: 'custom', message: problem });
	})
);

/**
 * What is wrong with pasted `text` as a call link, or undefined when it is one. Spaces and
 * control characters inside it are refused before the URL parser sees them: it would drop a tab
 * or newline and encode a space without a word, sharing a link nobody pasted.
 */
export function pastedCallLinkProblem(text: string): string | undefined {
	const kind = pastedCallLinkProblemKind(text);
	return kind && CALL_LINK_PROBLEM_WORDS[kind];
}

/** Which rule of {@link pastedCallLinkProblem} pasted `text` breaks, if any. */
export function pastedCallLinkProblemKind(text: string): CallLinkProblemKind | undefined {
	const trimmed = text.trim();
	if (UNSEEN_CHARACTERS.test(trimmed)) return 'spaces';
	return callLinkProblemKind(normalizeCallLink(trimmed));
}

/** What a person pastes: trimmed and normalized, then held to the stored link's rules. */
export const pastedCallLinkSchema = z.pipe(
	z.pipe(
		z.string().check(
			z.superRefine((text, context) => {
				const problem = pastedCallLinkProblem(text);
				if (problem) context.addIssue({ code: 'custom', message: problem });
			})
		),
		z.transform(normalizeCallLink)
	),
	callLinkSchema
);

/** The room's call, as the control map holds it. */
export const callStateSchema = z.object({
	url: callLinkSchema,
	/** Who pasted it, so every screen can say whose link it is. */
	setBy: participantIdSchema
});
export type CallState = z.infer<typeof callStateSchema>;

/** The room's link `call` as who shared what (`''`: none), the same for the same link read anew. */
export const callKey = (call: CallState | null | undefined): string =>
	call ? `${call.setBy} ${call.url}` : '';

/** The address a "Join the call" button names, so people see where it goes: `meet.google.com`. */
export function callHost(url: string): string {
	return parseUrl(url)?.hostname ?? '';
}
