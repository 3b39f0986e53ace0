import { z } from 'zod';
import { m } from '../paraglide/messages';
import { says } from './problem-words';
import { playbookIdSchema, secretSchema } from './ids';

/**
 * Community playbooks over HTTP (docs/protocol.md, "Community playbooks"): the answer to a save,
 * the body of an author's delete, and the paging of the library.
 */

export const createPlaybookReplySchema = z.object({
	id: playbookIdSchema,
	url: z.string(),
	/**
	 * Lets whoever keeps it delete the playbook; the server stores only its hash, so it is shown
	 * once, and the browser that saved the playbook keeps it.
	 */
	deleteToken: secretSchema
});
export type CreatePlaybookReply = z.infer<typeof createPlaybookReplySchema>;

/** `DELETE /api/playbooks/<id>` from its author. */
export const deletePlaybookRequestSchema = z.object({ deleteToken: secretSchema });

/** Summaries a library request answers when it does not say how many. */
export const DEFAULT_LIBRARY_PAGE = 100;
/** The most summaries one library request may ask for. */
export const MAX_LIBRARY_PAGE = 500;
/** Offsets beyond this are refused: no library is that long, and scanning to it is work. */
export const MAX_LIBRARY_OFFSET = 1_000_000;

const count = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,7}$/, says(m.pages_problem_whole_number))
		.transform(Number)
		.pipe(
			z
				.number()
				.min(
					min,
					says(() => m.pages_problem_at_least({ min: min }))
				)
				.max(
					max,
					says(() => m.pages_problem_at_most({ max: max }))
				)
		);

/** `?offset=&limit=` of `GET /api/playbooks`; both optional. */
export const libraryPageQuerySchema = z.object({
	offset: count(0, MAX_LIBRARY_OFFSET).default(0),
	limit: count(1, MAX_LIBRARY_PAGE).default(DEFAULT_LIBRARY_PAGE)
});
export type LibraryPageQuery = z.infer<typeof libraryPageQuerySchema>;

/** The plain words of the community refusals, shared by the API and the form. */
export const COMMUNITY_WORDS = {
	off: 'This server does not accept community playbooks. You can still export a playbook as a file and share that.',
	full: 'This server holds as many community playbooks as it can. Ask its operator to make room, or export the playbook as a file and share that.',
	tooMany: 'Too many playbooks were saved from your network in the last hour. Try again later.',
	wrongToken: 'This playbook can only be deleted from the browser that saved it.',
	busy: 'The library is busy with other searches just now. Try again in a moment.'
} as const;
