import * as z from 'zod/mini';
import { m } from '../paraglide/messages';
import { says } from './problem-words';

// zod/mini (functions instead of methods): these reach the home page through the room-starting
// button, and the mini API lets the bundler leave out what a page does not use.

/** A room id: 128 random bits in base64url, 22 characters. */
export const roomIdSchema = z
	.string()
	.check(z.regex(/^[A-Za-z0-9_-]{22}$/, says(m.pages_problem_made_id)));

/** Names every object has already ("constructor", "__proto__"…): never usable as record keys. */
const OBJECT_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Whether `id` is an object's own property name: ids that key records (in the room document, or
 * the schemas' records, which inherit from Object.prototype) must not be, as `record.constructor`
 * is always there.
 */
export const isObjectKey = (id: string): boolean => OBJECT_KEYS.has(id);

/**
 * A participant id is made by the browser and kept in local storage, so a reload is the same
 * person. Ids key records in the room document.
 */
export const participantIdSchema = z.string().check(
	z.regex(/^[A-Za-z0-9_-]{8,64}$/, says(m.pages_problem_made_id)),
	z.refine((id) => !isObjectKey(id), says(m.pages_problem_reserved_name))
);

/** A playbook id: lower-case words joined by hyphens. */
export const playbookIdSchema = z
	.string()
	.check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, says(m.pages_problem_playbook_id)), z.maxLength(80));

/**
 * A role id inside a playbook, e.g. "listener": it keys each phase's instructions. Stored data
 * is read with this shape; a new playbook's ids are also no object's property names
 * (playbook-rules.ts, `writeRules`).
 */
export const roleIdSchema = z
	.string()
	.check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, says(m.pages_problem_role_id)));

/** A phase id inside a playbook, e.g. "story": it keys a room's turn windows and answers. */
export const phaseIdSchema = z
	.string()
	.check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/, says(m.pages_problem_phase_id)));

/**
 * A joined member's proof to the room's document connection and HTTP routes (protocol Y9, W1,
 * B1): who they joined as and the ticket their join answered.
 */
export interface MemberTicket {
	participantId: string;
	ticket: string;
}

/** A room secret (host key, projector token): at least 128 random bits in base64url. */
export const secretSchema = z
	.string()
	.check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, says(m.pages_problem_made_id)));
