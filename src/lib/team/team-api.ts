import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { apiProblemWords } from '../client/api-problem-words';
import { httpErrorSchema } from '../protocol/http';
import {
	createTeamReplySchema,
	eraseReplySchema,
	teamViewSchema,
	type CreateTeamReply,
	type EraseReply,
	type TeamView,
	type WeekCounts
} from '../protocol/team';

/** An answer of the team API: its parsed body, or words a person can read and the status. */
export type TeamAnswer<T> =
	{ ok: true; data: T } | { ok: false; status: number; message: string; problems?: string[] };

/**
 * What went wrong, by the answer's status, in the reader's language, for an answer without a
 * code this page knows (status 0: no answer at all).
 */
export function problemText(status: number): string {
	if (status === 0) return m.team_error_unreachable();
	if (status === 400) return m.team_error_invalid();
	if (status === 404) return m.team_error_not_found();
	if (status === 409) return m.team_error_conflict();
	if (status === 413) return m.team_error_too_large();
	if (status === 429) return m.team_error_too_many();
	return m.team_error_generic();
}

/** Calls the API at `path` (a POST of `body` when given) and parses its answer with `schema`. */
export async function call<S extends z.ZodType>(
	path: string,
	schema: S,
	body?: unknown
): Promise<TeamAnswer<z.output<S>>> {
	try {
		const response = await fetch(
			path,
			body === undefined
				? undefined
				: {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(body)
					}
		);
		const json: unknown = await response.json().catch(() => undefined);
		const parsed = schema.safeParse(json);
		if (response.ok && parsed.success) return { ok: true, data: parsed.data };
		const error = httpErrorSchema.safeParse(json);
		return {
			ok: false,
			status: response.status,
			// The server's `error` is English for API users: its code says it in the reader's words.
			message: apiProblemWords(json, problemText(response.status)),
			...(error.success && error.data.problems ? { problems: error.data.problems } : {})
		};
	} catch {
		return { ok: false, status: 0, message: problemText(0) };
	}
}

/** Makes a new team link. */
export const createTeam = (name: string): Promise<TeamAnswer<CreateTeamReply>> =>
	call('/api/teams', createTeamReplySchema, { name });

/** What the team link shows now. */
export const fetchTeam = (teamId: string): Promise<TeamAnswer<TeamView>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}`, teamViewSchema);

/** Shares this browser's weekly counts, replacing its earlier share. */
export const shareWithTeam = (
	teamId: string,
	memberKey: string,
	weeks: WeekCounts[]
): Promise<TeamAnswer<TeamView>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}/share`, teamViewSchema, { memberKey, weeks });

/** Takes this browser's share back. */
export const withdrawFromTeam = (
	teamId: string,
	memberKey: string
): Promise<TeamAnswer<TeamView>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}/withdraw`, teamViewSchema, { memberKey });

/** Agrees to erase the whole space (T6); it is erased once every contributor has agreed. */
export const agreeToEraseTeam = (
	teamId: string,
	memberKey: string
): Promise<TeamAnswer<EraseReply>> =>
	call(`/api/teams/${encodeURIComponent(teamId)}/erase`, eraseReplySchema, { memberKey });
