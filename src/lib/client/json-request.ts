import { httpErrorSchema, type HttpError } from '../protocol/http';

/** What parses an answer: a zod schema (classic or mini), or anything with its `safeParse`. */
export interface AnswerSchema<T> {
	safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** Takes any answer, a body or none (a 204): for requests whose status says it all. */
export const ANY_ANSWER: AnswerSchema<unknown> = {
	safeParse: (data) => ({ success: true, data })
};

/** What a request sends: JSON, or bytes as they are with their media type (a voice clip). */
export type JsonRequest = (
	{ method: 'POST' | 'DELETE'; json: unknown } | { method: 'POST'; bytes: Blob; type: string }
) & {
	/** Gives up on the request (answered as no answer, status 0), e.g. after a time. */
	signal?: AbortSignal;
};

/**
 * What came back: the answer parsed with the caller's schema when its status is a success;
 * otherwise the status (0: no answer at all, the network or the server away), the API problem
 * when the body is one (docs/protocol.md, HTTP), and the body as it came, for
 * `apiProblemWords` or a route's own problem schema.
 */
export type JsonAnswer<T> =
	| { ok: true; status: number; data: T }
	| { ok: false; status: number; problem: HttpError | undefined; body: unknown };

const init = (request: JsonRequest): RequestInit => ({
	method: request.method,
	signal: request.signal,
	...('json' in request
		? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.json) }
		: { headers: { 'content-type': request.type }, body: request.bytes })
});

/**
 * Asks the API at `url` (a GET without `request`) and parses its answer with `schema`: the one
 * way the browser's modules call the server's JSON API. Never throws: a request that gets no
 * answer is status 0.
 */
export async function requestJson<T>(
	url: string,
	schema: AnswerSchema<T>,
	request?: JsonRequest
): Promise<JsonAnswer<T>> {
	let response: Response;
	try {
		response = await fetch(url, request && init(request));
	} catch {
		return { ok: false, status: 0, problem: undefined, body: undefined };
	}
	// A 204, or a proxy's page instead of JSON: no body to parse.
	const body: unknown = await response.json().catch(() => undefined);
	const parsed = schema.safeParse(body);
	if (response.ok && parsed.success) {
		return { ok: true, status: response.status, data: parsed.data };
	}
	const problem = httpErrorSchema.safeParse(body);
	return {
		ok: false,
		status: response.status,
		problem: problem.success ? problem.data : undefined,
		body
	};
}
